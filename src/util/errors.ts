/**
 * The project's error for bad input: a parameter out of its domain, an unknown family or option,
 * a claim file that cannot be used. The CLI prints its message on one line and exits with code 2;
 * every other error is a defect of the toolkit.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(message: string) {
    super(message);
  }
}
