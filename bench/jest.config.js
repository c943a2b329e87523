import base from "../jest.config.js";

export default { ...base, rootDir: "..", testMatch: ["**/bench/**/*.bench.ts"] };
