/**
 * `workbook <command> [options] file.js`: each command lives in
 * src/cli/commands/<command>.ts and returns an exit code.
 */
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { escapeControls } from './terminal';

const commandsDir = fileURLToPath(new URL('./commands/', import.meta.url));

async function availableCommands(): Promise<string[]> {
  const files = await readdir(commandsDir);
  return files.filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const commands = await availableCommands();
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(`Usage: workbook <command> [options] file.js\n\nCommands: ${commands.join(', ')}\nRun "workbook <command> --help" for a command's options.`);
    return command ? 0 : 2;
  }
  if (!commands.includes(command)) {
    console.error(`workbook: unknown command "${command}". Commands: ${commands.join(', ')}`);
    return 2;
  }
  const mod = (await import(`./commands/${command}.ts`)) as { default: (argv: string[]) => Promise<number> };
  try {
    return await mod.default(rest);
  } catch (error) {
    // A failure of the workbook itself (not of the learner's program, which each command reports):
    // one clear line, never a host stack trace.
    const message = error instanceof Error ? error.message : String(error);
    console.error(`workbook ${command}: ${escapeControls(message.slice(0, 2000))}`);
    return 1;
  }
}
