/**
 * `clipsheet`: the command line. Each command group lives in cli/commands/<name>.ts and is listed here.
 */
import { UsageError, type Command } from './command';

const COMMANDS: Record<string, () => Promise<{ default: Command }>> = {
  start: () => import('./commands/start'),
  sheet: () => import('./commands/sheet'),
  retention: () => import('./commands/retention'),
  extract: () => import('./commands/extract'),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    const commands = await Promise.all(Object.values(COMMANDS).map(async (load) => (await load()).default));
    console.log(`clipsheet: the CRM for teams who live in Chrome and Google Sheets\n\nCommands:`);
    for (const command of commands) console.log(`  ${command.name.padEnd(12)} ${command.summary}`);
    console.log(`\nRun 'clipsheet COMMAND --help' for a command's options.`);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    console.error(`clipsheet: unknown command '${name}'. Run 'clipsheet --help' for the list.`);
    return 2;
  }
  const command = (await load()).default;
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.usage);
    return 0;
  }
  try {
    return (await command.run(rest)) ?? 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`clipsheet ${name}: ${error.message}\n\n${command.usage}`);
      return 2;
    }
    throw error;
  }
}

// `clipsheet ... | head` closes the pipe early: that is the reader being done, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
