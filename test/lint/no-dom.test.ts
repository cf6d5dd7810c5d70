// The core and the preload typecheck without the DOM (issue 18): code there that reaches for `window` or
// `document` fails `npm test`'s typecheck. This compiles a probe with each tsconfig's own options.
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { join } from 'node:path';

const root = process.cwd();

function diagnosticsOf(tsconfig: string, probePath: string, code: string): string[] {
  const { config } = ts.readConfigFile(join(root, tsconfig), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
  const host = ts.createCompilerHost(options);
  const file = join(root, probePath);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (name) => (name === file ? code : readFile(name));
  host.fileExists = (name) => name === file || fileExists(name);
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('no DOM in the core or the preload', () => {
  it.each([
    ['tsconfig.json', 'main/core/probe.ts'],
    ['tsconfig.json', 'protocol/probe.ts'],
    ['tsconfig.preload.json', 'preload/probe.ts'],
  ])('%s refuses window and document (%s)', (tsconfig, probe) => {
    const messages = diagnosticsOf(
      tsconfig,
      probe,
      'export const url = window.location.href;\nexport const title = document.title;\n',
    );
    expect(messages.filter((m) => /^Cannot find name '(window|document)'/.test(m))).toHaveLength(2);
  });

  it('the renderer keeps it', () => {
    expect(
      diagnosticsOf(
        'tsconfig.renderer.json',
        'renderer/src/probe.ts',
        'export const url = window.location.href;\n',
      ),
    ).toEqual([]);
  });
});
