export { settingsSchema, DEFAULT_SETTINGS, LABEL_NAME_MAX, LABEL_DESCRIPTION_MAX, type Settings, type SettingsInput, type Role } from "./schema.js";
export { parseSettings, formatProblem, formatPath, MAX_SETTINGS_BYTES, type SettingsProblem, type SettingsResult } from "./parse-settings.js";
export { settingsJsonSchema } from "./json-schema.js";
export { readSettingsFile, validateSettings, type SettingsFile } from "./parse-settings.js";
export { loadSettings, mergeSettings, SETTINGS_PATH, type FetchText, type FileRef, type LoadResult } from "./load-settings.js";
