// How tests read an HTTP answer, from a route handler or through a gateway: JSON parsed,
// anything else as text, so one shape serves error bodies, metrics and streamed lines alike.
export type Answer = {
  status: number;
  headers: Headers;
  /** The JSON answer, parsed; null when empty; the text itself for other content types. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers of every shape
  body: any;
};

export async function readAnswer(response: Response): Promise<Answer> {
  const text = await response.text();
  const json = /\bjson\b/.test(response.headers.get("content-type") ?? "");
  return { status: response.status, headers: response.headers, body: text ? (json ? JSON.parse(text) : text) : null };
}
