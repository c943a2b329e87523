# syntax=docker/dockerfile:1

# Build stage: dev dependencies, compile TypeScript to lib/.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
# The whole project but what .dockerignore leaves out, model/ (the engine's trained model) included.
COPY . .
RUN npm run build

# Runtime stage: production dependencies only, non-root, node started by tini so that SIGTERM
# reaches it (the server then finishes the work it acknowledged and exits 0).
FROM node:22-bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production
# Listen on every interface: `docker run -p 3000:3000` reaches the server.
ENV HOST=0.0.0.0
ENV PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/lib ./lib
COPY --from=build /app/model ./model
COPY app.yml ./
COPY bin ./bin
COPY schema ./schema
USER node
EXPOSE 3000
# /ping answers 200 only while the app can authenticate with GitHub.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/ping').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "lib/server.js"]
