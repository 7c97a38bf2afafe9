// A browser, as far as redirects and cookies go: GETs without following redirects, keeps each
// origin's cookies (by name; paths and SameSite are not modelled) and sends them back.
export type Hop = { url: URL; status: number; location: URL | null; html: string };

export function cookieBrowser() {
  const jars = new Map<string, Map<string, string>>();
  const jarOf = (origin: string) => jars.get(origin) ?? jars.set(origin, new Map()).get(origin)!;

  function keep(url: URL, res: Response) {
    const jar = jarOf(url.origin);
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const [name, ...value] = pair!.trim().split("=");
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value.join("=") === "";
      if (expired) jar.delete(name!);
      else jar.set(name!, value.join("="));
    }
  }

  async function get(target: URL | string): Promise<Hop> {
    const url = new URL(target);
    const cookie = [...jarOf(url.origin)].map(([k, v]) => `${k}=${v}`).join("; ");
    const res = await fetch(url, { redirect: "manual", headers: cookie ? { cookie } : {} });
    keep(url, res);
    const location = res.headers.get("location");
    return { url, status: res.status, location: location ? new URL(location, url) : null, html: await res.text() };
  }

  return {
    get,
    cookies: (origin: string) => jarOf(origin),
    /** GETs and follows redirects until `stop` says so (or a page that is no redirect). */
    async follow(target: URL | string, stop: (hop: Hop) => boolean = () => false, maxHops = 12): Promise<Hop> {
      let hop = await get(target);
      for (let i = 0; i < maxHops && hop.location && !stop(hop); i++) hop = await get(hop.location);
      return hop;
    },
  };
}

export const unescapeHtml = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
