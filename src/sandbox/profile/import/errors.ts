/** The one error every importer throws: its message names the problem in a learner's words. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}
