/**
 * What the operator-facing scripts (`npm run deploy`, `npm run upload:weapp`) share: their
 * arguments and output as values (so tests run them in-process), and how they run as a command.
 */
export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
}

export interface CommandInput {
  argv: string[];
  env: Record<string, string | undefined>;
  io: CommandIo;
}

/** The value after `--name` in `argv`, if any. */
export function optionValue(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

/**
 * Runs `command` on this process's arguments and environment, printing to the console, and ends
 * the process with its exit code (explicitly: some tools leave watchers running). A throw prints
 * its message and exits 1.
 */
export function runAsCommand(command: (input: CommandInput) => Promise<number>): void {
  command({
    argv: process.argv.slice(2),
    env: process.env,
    io: { out: (line) => console.log(line), err: (line) => console.error(line) },
  }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
