// Forms read their values from the DOM at submit time (uncontrolled inputs): whatever
// is in the fields is what gets sent, even if it was typed before React hydrated.

/** The field's text, trimmed unless `trim: false` (passwords, documents). */
export function formText(form: HTMLFormElement, name: string, { trim = true } = {}): string {
  const value = new FormData(form).get(name);
  if (typeof value !== "string") return "";
  return trim ? value.trim() : value;
}

export function formTexts(form: HTMLFormElement, name: string): string[] {
  return new FormData(form).getAll(name).filter((v): v is string => typeof v === "string");
}

export function formChecked(form: HTMLFormElement, name: string): boolean {
  return new FormData(form).has(name);
}
