import { NextResponse } from "next/server";
import { createProduct } from "@/lib/products/create-product";
import { listProducts } from "@/lib/products/list-products";
import { createProductInputSchema, listProductsQuerySchema } from "@/lib/products/product-schemas";
import { readJson, withAuth } from "@/lib/http/with-auth";

// GET /api/v1/products?search=&state=&limit=&cursor= - a page of products (developers: published only)
export const GET = withAuth(
  async ({ request, actor }) => {
    const query = listProductsQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    return NextResponse.json(await listProducts(actor, query));
  },
  { route: "GET /products" },
);

// POST /api/v1/products - create a product grouping APIs
export const POST = withAuth(
  async ({ request, actor }) => {
    const input = createProductInputSchema.parse(await readJson(request));
    return NextResponse.json(await createProduct(input, actor), { status: 201 });
  },
  { route: "POST /products" },
);
