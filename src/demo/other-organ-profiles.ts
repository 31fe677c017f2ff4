export const OTHER_ORGAN_PROFILES = [] as import("./organ-profile.ts").OrganProfile[];
