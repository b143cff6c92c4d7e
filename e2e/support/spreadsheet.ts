// Opens downloaded workbooks the way a cadre would — in a spreadsheet program — by converting every sheet to CSV with
// LibreOffice headless. Without LibreOffice the check is skipped loudly, or fails under XZ_STRICT=1 (as scripts/test.mjs
// does for a missing Chromium).
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** One sheet as LibreOffice shows it: rows of cell texts (merged cells hold their text in the first cell). */
export type Sheet = string[][];
/** A workbook's sheets by name, in no particular order. */
export type Workbook = Map<string, Sheet>;

// Comma, double quote, UTF-8, from line 1, language default, not all quoted, detect numbers, raw values (not as shown),
// no formulas, keep spaces, and -1 = every sheet to its own file `<name>-<sheet>.csv` (LibreOffice ≥ 7.2).
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

function onPath(cmd: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const p = join(dir, cmd);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      /* not here */
    }
  }
  return null;
}

/** LibreOffice's `soffice`, from XZ_SOFFICE, /usr/bin or the PATH; null when not installed. */
export function findSoffice(): string | null {
  const explicit = process.env.XZ_SOFFICE;
  if (explicit) {
    try {
      accessSync(explicit, constants.X_OK);
      return explicit;
    } catch {
      return null;
    }
  }
  for (const p of ['/usr/bin/soffice', '/usr/bin/libreoffice']) {
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      /* next */
    }
  }
  return onPath('soffice') ?? onPath('libreoffice');
}

/**
 * The soffice to use, or null after a loud warning when it is missing; under XZ_STRICT=1 a missing LibreOffice throws,
 * so the journey fails as CI requires.
 */
export function sofficeOrSkip(what: string): string | null {
  const soffice = findSoffice();
  if (soffice) return soffice;
  const why = `no LibreOffice (soffice) — install it (apt-get install --no-install-recommends libreoffice-calc-nogui) to check that ${what} opens in a spreadsheet program`;
  if (process.env.XZ_STRICT === '1') throw new Error(`spreadsheet check required in CI: ${why}`);
  const msg = `!!! spreadsheet check SKIPPED: ${why}`;
  console.warn(`\n${'!'.repeat(72)}\n${msg}\n${'!'.repeat(72)}`);
  return null;
}

/** RFC 4180 CSV as LibreOffice writes it: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): Sheet {
  const rows: Sheet = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b) => {
      out += b;
    });
    child.stderr.on('data', (b) => {
      out += b;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${basename(cmd)} took longer than ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${basename(cmd)} exited with ${code}:\n${out}`));
    });
  });
}

/**
 * Opens each .xlsx in LibreOffice Calc (headless, one start for all of them, in a throw-away profile so parallel runs
 * do not share a lock) and returns every sheet of each as rows of text. Throws when LibreOffice cannot open a file.
 */
export async function openInSpreadsheet(soffice: string, files: string[]): Promise<Workbook[]> {
  const work = mkdtempSync(join(tmpdir(), 'xz-calc-'));
  try {
    const outDir = join(work, 'csv');
    const log = await run(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`,
        '--headless',
        '--norestore',
        '--nolockcheck',
        '--convert-to',
        CSV_FILTER,
        '--outdir',
        outDir,
        ...files,
      ],
      120_000,
    );
    const written = (() => {
      try {
        return readdirSync(outDir);
      } catch {
        return [];
      }
    })();
    return files.map((file) => {
      const stem = basename(file, extname(file));
      const sheets: Workbook = new Map();
      for (const name of written) {
        if (!name.startsWith(`${stem}-`) || !name.endsWith('.csv')) continue;
        sheets.set(name.slice(stem.length + 1, -'.csv'.length), parseCsv(readFileSync(join(outDir, name), 'utf8')));
      }
      if (!sheets.size) {
        const single = written.includes(`${stem}.csv`);
        throw new Error(
          single
            ? `LibreOffice wrote one CSV for ${basename(file)} instead of one per sheet: it needs to be version 7.2 or newer`
            : `LibreOffice could not open ${basename(file)}:\n${log}`,
        );
      }
      return sheets;
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The sheet by name, or a failure that lists the sheets there are. */
export function sheet(book: Workbook, name: string): Sheet {
  const s = book.get(name);
  if (!s) throw new Error(`no sheet “${name}”; the workbook has: ${[...book.keys()].join(', ')}`);
  return s;
}

/** The first row whose cell in column `col` (0-based) equals `text`. */
export function rowWhere(s: Sheet, col: number, text: string): string[] | undefined {
  return s.find((r) => r[col] === text);
}
