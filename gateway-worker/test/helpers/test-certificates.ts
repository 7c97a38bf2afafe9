// Certificates made for the test that uses them, with Debian's openssl: CAs,
// intermediates, server and client certificates (P-256, fast to make). Nothing
// is checked in; every key lives in a temporary directory removed by cleanup().
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface TestCertificate {
  /** PEM certificate (with `chain` appended when it has intermediates: what a client presents). */
  readonly cert: string;
  readonly key: string;
  readonly certFile: string;
  readonly keyFile: string;
}

export interface CertificateFactory {
  ca(name: string, issuer?: TestCertificate): TestCertificate;
  /** `days` < 0 makes an expired certificate. */
  leaf(
    name: string,
    issuer: TestCertificate,
    opts?: { sans?: string[]; usage?: "clientAuth" | "serverAuth"; days?: number; chain?: TestCertificate[] },
  ): TestCertificate;
  /** The certificate's key in PEM, encrypted with a passphrase (what a key file often is). */
  encryptedKey(of: TestCertificate): string;
  cleanup(): void;
}

export function certificateFactory(): CertificateFactory {
  const dir = mkdtempSync(path.join(tmpdir(), "portcullis-certs-"));
  const file = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  const newKey = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"];

  const read = (name: string): TestCertificate => ({
    cert: readFileSync(file(`${name}.pem`), "utf8"),
    key: readFileSync(file(`${name}.key`), "utf8"),
    certFile: file(`${name}.pem`),
    keyFile: file(`${name}.key`),
  });

  const sign = (name: string, issuer: TestCertificate, extensions: string, days: number) => {
    openssl("req", ...newKey, "-keyout", `${name}.key`, "-out", `${name}.csr`, "-subj", `/CN=${name}/O=Portcullis Test`);
    writeFileSync(file(`${name}.ext`), extensions);
    openssl(
      "x509", "-req", "-in", `${name}.csr`, "-CA", issuer.certFile, "-CAkey", issuer.keyFile, "-CAcreateserial",
      "-out", `${name}.pem`, "-days", String(days), "-extfile", `${name}.ext`,
    );
  };

  return {
    ca(name, issuer) {
      if (issuer) sign(name, issuer, "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n", 2);
      else {
        openssl(
          "req", "-x509", ...newKey, "-keyout", `${name}.key`, "-out", `${name}.pem`, "-subj", `/CN=${name}/O=Portcullis Test`,
          "-days", "2", "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        );
      }
      return read(name);
    },
    leaf(name, issuer, { sans = [`DNS:${name}`], usage = "clientAuth", days = 2, chain = [] } = {}) {
      sign(name, issuer, `basicConstraints=CA:FALSE\nsubjectAltName=${sans.join(",")}\nextendedKeyUsage=${usage}\n`, days);
      const pem = file(`${name}.pem`);
      if (chain.length > 0) writeFileSync(pem, readFileSync(pem, "utf8") + chain.map((c) => c.cert).join(""));
      return read(name);
    },
    encryptedKey: (of) => openssl("pkey", "-in", of.keyFile, "-aes256", "-passout", "pass:portcullis").toString("utf8"),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
