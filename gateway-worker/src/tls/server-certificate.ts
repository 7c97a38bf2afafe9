// Which certificate the HTTPS listener presents, and swapping it without
// dropping a connection: tls.Server#setSecureContext only affects handshakes
// that start afterwards. Two sources: the files named at start
// (GATEWAY_TLS_CERT_FILE/KEY_FILE) and the one set in the console, which
// arrives in the snapshot with its key sealed. The console's wins while set;
// clearing it there returns to the files.
import { readFileSync } from "node:fs";
import { createSecureContext } from "node:tls";
import type { Logger } from "pino";
import type { GatewayTlsCertificate } from "../contract/api-tls.js";
import { openSecret } from "../contract/sealed-secret.js";

export interface CertificateAndKey {
  readonly cert: string;
  readonly key: string;
}

export interface ServerCertificateOptions {
  certFile?: string;
  keyFile?: string;
  /** GATEWAY_SECRETS_KEY: opens the console's sealed key. */
  secretsKey?: Buffer;
  logger: Logger;
  /** Called with each newly chosen certificate (never with an unusable one). */
  onChange(next: CertificateAndKey, source: "files" | "console"): void;
}

/** Throws when the key does not match the certificate or either is unreadable. */
function assertUsable(pair: CertificateAndKey): void {
  createSecureContext(pair);
}

export class ServerCertificate {
  private readonly fromFiles: CertificateAndKey | null;
  private fromConsole: CertificateAndKey | null = null;
  /** The snapshot field last looked at, so an unchanged certificate is not reopened on every config. */
  private lastOffered: string | null = null;

  constructor(private readonly opts: ServerCertificateOptions) {
    if (Boolean(opts.certFile) !== Boolean(opts.keyFile)) {
      throw new Error("GATEWAY_TLS_CERT_FILE and GATEWAY_TLS_KEY_FILE go together: set both or neither");
    }
    this.fromFiles = opts.certFile && opts.keyFile ? { cert: readFileSync(opts.certFile, "utf8"), key: readFileSync(opts.keyFile, "utf8") } : null;
    if (this.fromFiles) assertUsable(this.fromFiles);
  }

  current(): CertificateAndKey | null {
    return this.fromConsole ?? this.fromFiles;
  }

  /**
   * Takes the snapshot's certificate. A certificate that cannot be used (key sealed
   * for another GATEWAY_SECRETS_KEY, key and certificate not matching) is logged and
   * the previous one keeps serving: the rest of the config still applies.
   */
  offer(tls: GatewayTlsCertificate | null | undefined): void {
    const fingerprint = tls ? `${tls.certificate}\n${tls.privateKey}` : "";
    if (fingerprint === this.lastOffered) return;
    this.lastOffered = fingerprint;
    if (!tls) {
      if (this.fromConsole === null) return;
      if (!this.fromFiles) {
        this.opts.logger.warn("the console's TLS certificate was removed and no certificate files are set; keeping it");
        return;
      }
      this.fromConsole = null;
      this.opts.onChange(this.fromFiles, "files");
      return;
    }
    try {
      if (!this.opts.secretsKey) throw new Error("GATEWAY_SECRETS_KEY is not set, so the console's sealed key cannot be opened");
      const pair = { cert: tls.certificate, key: openSecret(tls.privateKey, this.opts.secretsKey, "gateway-tls-key") };
      assertUsable(pair);
      this.fromConsole = pair;
      this.opts.onChange(pair, "console");
    } catch (err) {
      this.opts.logger.error({ err: (err as Error).message }, "the console's TLS certificate cannot be used; keeping the current one");
    }
  }
}
