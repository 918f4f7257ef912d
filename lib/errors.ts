/** Input the editor can fix: its message is shown as it is. */
export class ClipInputError extends Error {}
