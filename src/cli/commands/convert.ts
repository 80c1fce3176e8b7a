/**
 * `workbook convert IN OUT`: reads any supported profile file and writes it in
 * the format OUT's extension names (the same exporters as `profile --out`).
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from '../options';
import { EXPORT_HELP, exporterFor, extensionList } from '../formats';
import { readProfileFile } from './view';

const USAGE = `Usage: workbook convert IN OUT

Converts a profile file. IN: .pstats, .cpuprofile, a DevTools trace, speedscope JSON
or collapsed stacks. OUT, by its extension: ${EXPORT_HELP}`;

export default async function convert(argv: string[]): Promise<number> {
  const { positionals, options } = parseArgs(argv);
  if (options.help || options.h || positionals.length !== 2) {
    console.log(USAGE);
    return options.help || options.h ? 0 : 2;
  }
  const [input, output] = positionals;
  const exporter = exporterFor(output);
  if (!exporter) {
    process.stderr.write(`Cannot tell the format of "${output}": use ${extensionList()}\n`);
    return 2;
  }
  const profile = await readProfileFile(input);
  if (!profile) return 1;
  await writeFile(output, exporter(profile));
  process.stderr.write(`Wrote ${output}\n`);
  return 0;
}
