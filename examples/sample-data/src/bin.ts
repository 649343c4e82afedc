#!/usr/bin/env -S node --import tsx
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { sampleLines } from './index.ts';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '2019' },
    years: { type: 'string', default: '2019' },
    scale: { type: 'boolean', default: false },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  process.stdout.write(
    'lvzhi-sample [--seed N] [--years 2019|2018-2022] [--scale] [--out FILE]\n' +
      '生成重庆市政协样例履职数据（记录格式 JSON Lines）/ write a sample duty record (JSON Lines)\n',
  );
  process.exit(0);
}
const [from, to] = values.years.split('-').map(Number);
if (!Number.isInteger(from) || (to !== undefined && !Number.isInteger(to))) {
  process.stderr.write(`--years: expected YYYY or YYYY-YYYY, got ${values.years}\n`);
  process.exit(2);
}
const years = Array.from({ length: (to ?? from!) - from! + 1 }, (_, i) => from! + i);
const out = values.out ? createWriteStream(values.out) : process.stdout;
for (const line of sampleLines({ seed: Number(values.seed), years, scale: values.scale })) {
  if (!out.write(`${line}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
}
if (out !== process.stdout) out.end();
