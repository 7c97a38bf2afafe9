import { NextResponse } from "next/server";
import { deleteProduct } from "@/lib/products/delete-product";
import { getProductOrThrow } from "@/lib/products/get-product-or-throw";
import { deleteProductQuerySchema, toProductResource, updateProductInputSchema } from "@/lib/products/product-schemas";
import { updateProduct } from "@/lib/products/update-product";
import { readJson, withAuth } from "@/lib/http/with-auth";

type Params = { productId: string };

// GET /api/v1/products/{id} - one product (developers: published only)
export const GET = withAuth<Params>(
  async ({ params, actor }) => NextResponse.json(toProductResource(await getProductOrThrow(params.productId, actor))),
  { route: "GET /products/{productId}" },
);

// PATCH /api/v1/products/{id} - edit description, terms, state, approval, limits, APIs (owner or platform admin)
export const PATCH = withAuth<Params>(
  async ({ request, params, actor }) => {
    const input = updateProductInputSchema.parse(await readJson(request));
    return NextResponse.json(await updateProduct(params.productId, input, actor));
  },
  { route: "PATCH /products/{productId}" },
);

// DELETE /api/v1/products/{id}?deleteSubscriptions=true - 409 while live subscriptions exist unless asked to cancel them
export const DELETE = withAuth<Params>(
  async ({ request, params, actor }) => {
    const options = deleteProductQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    return NextResponse.json(await deleteProduct(params.productId, options, actor));
  },
  { route: "DELETE /products/{productId}" },
);
