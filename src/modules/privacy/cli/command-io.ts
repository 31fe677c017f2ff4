/** Where a CLI command writes; the composition root passes process.stdout/stderr, tests collect strings. */
export type CommandIo = { stdout: (s: string) => void; stderr: (s: string) => void };
