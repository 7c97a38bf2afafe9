import { NextResponse } from "next/server";
import { issueClientCertificate, listClientCertificates } from "@/lib/iam/realms/realm-ca";
import { issueCertificateInputSchema, listCertificatesQuerySchema } from "@/lib/iam/realms/realm-ca-schemas";
import { readJson, withAuth } from "@/lib/http/with-auth";

type Params = { realm: string; clientId: string };

// GET /api/v1/realms/{realm}/clients/{clientId}/certificates - newest first, paged (?limit, ?cursor)
export const GET = withAuth<Params>(
  async ({ request, params }) => {
    const query = listCertificatesQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    return NextResponse.json(await listClientCertificates(params.realm, params.clientId, query));
  },
  { route: "GET /realms/{realm}/clients/{clientId}/certificates" },
);

// POST /api/v1/realms/{realm}/clients/{clientId}/certificates - {csr | publicKey, validitySeconds?} -> a short-lived client certificate
export const POST = withAuth<Params>(
  async ({ request, params, actor }) => {
    const input = issueCertificateInputSchema.parse(await readJson(request));
    return NextResponse.json(await issueClientCertificate(params.realm, params.clientId, input, actor), { status: 201 });
  },
  { route: "POST /realms/{realm}/clients/{clientId}/certificates" },
);
