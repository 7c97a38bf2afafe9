// OpenAPI entries for /products (one entry per route and method).
import {
  createProductInputSchema,
  deletedProductSchema,
  deleteProductQuerySchema,
  productResourceSchema,
  updateProductInputSchema,
} from "@/lib/products/product-schemas";
import { listOf } from "../common-schemas";
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
    response: { status: 200, description: "The products", schema: listOf(productResourceSchema, "ProductList") },
  },
  {
    method: "post",
    path: "/products",
    operationId: "createProduct",
    summary: "Create a product grouping APIs",
    tag,
    body: createProductInputSchema,
    response: { status: 201, description: "The product", schema: productResourceSchema },
    errors: [409, 422],
  },
  {
    method: "get",
    path: "/products/{productId}",
    operationId: "getProduct",
    summary: "One product",
    tag,
    response: { status: 200, description: "The product", schema: productResourceSchema },
  },
  {
    method: "patch",
    path: "/products/{productId}",
    operationId: "updateProduct",
    summary: "Change a product (its owner or a platform admin)",
    tag,
    body: updateProductInputSchema,
    response: { status: 200, description: "The product", schema: productResourceSchema },
    errors: [409, 422],
  },
  {
    method: "delete",
    path: "/products/{productId}",
    operationId: "deleteProduct",
    summary: "Delete a product (409 while it has live subscriptions, unless deleteSubscriptions=true)",
    tag,
    query: deleteProductQuerySchema,
    response: { status: 200, description: "Deleted", schema: deletedProductSchema },
    errors: [409],
  },
]);
