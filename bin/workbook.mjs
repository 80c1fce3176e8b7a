#!/usr/bin/env node
// The workbook's command line: the same sandbox as the page, in Node.
// TypeScript sources run through tsx, so there is no build step for the CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
