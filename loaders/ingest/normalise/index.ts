/** Every cell normaliser, for readers and validators to import from one place. */
export * from "./result.ts";
export * from "./text.ts";
export * from "./numbers.ts";
export * from "./dates.ts";
export * from "./districts.ts";
export * from "./industries.ts";
export * from "./uscc.ts";
export * from "./booleans.ts";
export * from "./levels.ts";
export * from "./enums.ts";
export * from "./sme.ts";
export * from "./phone.ts";
