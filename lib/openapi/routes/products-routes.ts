// OpenAPI entries for /products (one entry per route and method).
import { z } from "zod";
import { ALL_ROLES, CATALOG_MANAGERS } from "@/lib/http/with-auth";
import { createProductInputSchema, deleteProductQuerySchema, updateProductInputSchema } from "@/lib/products/product-schemas";
import { listOf } from "../resources/common-schemas";
import { productSchema } from "../resources/catalog-resource-schemas";
import { routeDocs } from "../route-doc";

const tag = "Products";

export const productsRoutes = routeDocs([
  {
    method: "get",
    path: "/products",
    operationId: "listProducts",
    summary: "List products",
    description: "Developers see published products only.",
    tag,
    roles: ALL_ROLES,
    response: { status: 200, description: "The products", schema: listOf(productSchema, "ProductList") },
  },
  {
    method: "post",
    path: "/products",
    operationId: "createProduct",
    summary: "Create a product grouping APIs",
    tag,
    roles: CATALOG_MANAGERS,
    body: createProductInputSchema,
    response: { status: 201, description: "The product", schema: productSchema },
    errors: [409, 422],
  },
  {
    method: "get",
    path: "/products/{productId}",
    operationId: "getProduct",
    summary: "One product",
    tag,
    roles: ALL_ROLES,
    response: { status: 200, description: "The product", schema: productSchema },
  },
  {
    method: "patch",
    path: "/products/{productId}",
    operationId: "updateProduct",
    summary: "Change a product (its owner or a platform admin)",
    tag,
    roles: CATALOG_MANAGERS,
    body: updateProductInputSchema,
    response: { status: 200, description: "The product", schema: productSchema },
    errors: [409, 422],
  },
  {
    method: "delete",
    path: "/products/{productId}",
    operationId: "deleteProduct",
    summary: "Delete a product (409 while it has live subscriptions, unless deleteSubscriptions=true)",
    tag,
    roles: CATALOG_MANAGERS,
    query: deleteProductQuerySchema,
    response: {
      status: 200,
      description: "Deleted",
      schema: z.object({ id: z.string(), deleted: z.literal(true), cancelledSubscriptions: z.number().int() }),
    },
    errors: [409],
  },
]);
