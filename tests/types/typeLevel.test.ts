/**
 * Compiles the type-level tests (tests/types/boxTypedParams.ts) with the project's compiler
 * options: a misspelt parameter name must be a type error, so every `@ts-expect-error` there must
 * be used, and everything else must compile.
 */
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { expect, it } from 'vitest';

it('box-typed parameters: misspelt names are type errors, correct ones compile', () => {
  const configPath = fileURLToPath(new URL('../../tsconfig.json', import.meta.url));
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  const file = fileURLToPath(new URL('./boxTypedParams.ts', import.meta.url));
  // The project's own ambient declarations (untyped modules) come along, as in the whole build.
  const ambient = config!.fileNames.filter((name) => name.endsWith('.d.ts'));
  const program = ts.createProgram([file, ...ambient], config!.options);
  const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  expect(diagnostics).toEqual([]);
}, 60_000);
