#!/usr/bin/env node
// The command-line renderer: the extension's own lib/ code, run by Node through tsx.
import { readFileSync } from 'node:fs';
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../lib/cli.ts');
const result = runCli(process.argv.slice(2), { readText: (path) => readFileSync(path, 'utf8') });
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
