#!/usr/bin/env node
// Unpacks the Chromium that ships inside @sparticuz/chromium (brotli archives in its bin/) and
// prints `{"executablePath","version"}` as one JSON line. A child process of `browser.ts`
// because the package is ESM-only and Jest's module system cannot load it; also handy by hand:
// `node apps/web/e2e/npm-chromium.mjs`.
//
// The package unpacks into os.tmpdir() and reuses whatever `chromium` it finds there, whichever
// version wrote it. So each version gets its own folder, filled under a private name and renamed
// into place: a half-written binary is never launched, and two runs at once are fine.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(import.meta.resolve('@sparticuz/chromium'));
const { version } = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8'));
const dir = join(tmpdir(), `twofold-chromium-${version}`);
const binary = join(dir, 'chromium');

if (!existsSync(binary)) {
  const staging = `${dir}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  // The package reads os.tmpdir() at call time, that is TMPDIR.
  process.env.TMPDIR = staging;
  const { default: chromium } = await import('@sparticuz/chromium');
  const unpacked = await chromium.executablePath();
  if (unpacked !== join(staging, 'chromium'))
    throw new Error(`@sparticuz/chromium unpacked to ${unpacked}, expected ${staging}`);
  try {
    renameSync(staging, dir);
  } catch (error) {
    // Another run got there first: use its copy.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(binary)) throw error;
  }
}

process.stdout.write(`${JSON.stringify({ executablePath: binary, version })}\n`);
