/** A small argument parser shared by the CLI commands: flags, --key value / --key=value, positionals. */
export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | true>;
}

export function parseArgs(argv: string[], valueOptions: readonly string[] = []): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    const long = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    const short = /^-([A-Za-z])$/.exec(arg);
    const name = long?.[1] ?? short?.[1];
    if (!name) {
      positionals.push(arg);
      continue;
    }
    if (long?.[2] !== undefined) options[name] = long[2];
    else if (valueOptions.includes(name) && i + 1 < argv.length) options[name] = argv[++i];
    else options[name] = true;
  }
  return { positionals, options };
}

/** "10s" / "500ms" / "2m" -> ms; "64MB" / "512KB" / "1GB" -> bytes (used by --timeout / --memory). */
export function parseLimitValue(value: string, kind: 'duration' | 'bytes'): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([a-zA-Z]*)$/.exec(value.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2].toLowerCase();
  if (kind === 'duration') return n * ({ '': 1000, s: 1000, ms: 1, m: 60000 } as Record<string, number>)[unit];
  return n * ({ '': 1, b: 1, kb: 1024, k: 1024, mb: 1048576, m: 1048576, gb: 1073741824, g: 1073741824 } as Record<string, number>)[unit];
}
