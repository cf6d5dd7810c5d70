// The shell's answer to a dead renderer (renderer-recovery.ts), as a table.
import { expect, it } from 'vitest';
import {
  afterRendererGone,
  MAX_RELOADS,
  RELOAD_WINDOW_MS,
  type GoneReason,
  type RecoveryDecision,
} from './renderer-recovery';

const NOW = 1_000_000;
it.each<[string, GoneReason, number[], RecoveryDecision]>([
  ['a crash: reload', 'crashed', [], { action: 'reload' }],
  ['out of memory: reload', 'oom', [], { action: 'reload' }],
  ['killed by the OS: reload', 'killed', [], { action: 'reload' }],
  ['an abnormal exit: reload', 'abnormal-exit', [NOW - 30_000], { action: 'reload' }],
  ['evicted for memory: reload', 'memory-eviction', [], { action: 'reload' }],
  ['the window closing: nothing', 'clean-exit', [], { action: 'none', why: 'CLEAN_EXIT' }],
  [
    'cannot launch: nothing (it would fail again)',
    'launch-failed',
    [],
    { action: 'none', why: 'CANNOT_START' },
  ],
  ['code tampered with: nothing', 'integrity-failure', [], { action: 'none', why: 'CANNOT_START' }],
  [
    `the ${MAX_RELOADS + 1}th crash within a minute: nothing`,
    'crashed',
    [NOW - 50_000, NOW - 20_000, NOW - 1_000],
    { action: 'none', why: 'TOO_MANY_CRASHES' },
  ],
  [
    'three crashes, the oldest past the minute: reload',
    'crashed',
    [NOW - RELOAD_WINDOW_MS, NOW - 20_000, NOW - 1_000],
    { action: 'reload' },
  ],
])('%s', (_what, reason, reloads, expected) => {
  expect(afterRendererGone(reason, reloads, NOW)).toEqual(expected);
});
