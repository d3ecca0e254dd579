/**
 * The trust boundary of commands that read a report (or partial result) and import the claim file
 * it names: a report is data, a claim file is code. Such a command says on stderr which file it
 * imports, and refuses one outside the report's folder and outside the current working directory
 * tree unless `--trust` is given.
 */
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { InputError } from '../util/errors.js';

const inside = (folder: string, file: string): boolean => {
  const path = relative(folder, file);
  return path !== '' && !path.startsWith('..') && !isAbsolute(path);
};

/** The claim file named by `dataFile`, resolved, once it may be imported. */
export function trustedClaimFile(dataFile: string, claimFile: string, trust: boolean): string {
  const file = resolve(claimFile);
  if (!trust && !inside(resolve(dirname(dataFile)), file) && !inside(process.cwd(), file)) {
    throw new InputError(
      `${dataFile} names the claim file ${claimFile}, outside its folder and the current directory; importing it would run its code (--trust to allow)`,
    );
  }
  console.error(`boundcheck: note: importing the claim file ${relative(process.cwd(), file)} named by ${dataFile} (its code runs)`);
  return file;
}
