// OpenAPI entries for /products (one entry per route and method).
import {
  createProductInputSchema,
  deletedProductSchema,
  deleteProductQuerySchema,
  listProductsQuerySchema,
  productPageSchema,
  productResourceSchema,
  updateProductInputSchema,
} from "@/lib/products/product-schemas";
import { routeDocs } from "../route-doc";

const tag = "Products";

export const productsRoutes = routeDocs([
  {
    method: "get",
    path: "/products",
    operationId: "listProducts",
    summary: "List products, a page at a time, filtered",
    description: "Developers see published products only. Cursor paging: pass `nextCursor` as `cursor` for the next page.",
    tag,
    query: listProductsQuerySchema,
    response: { status: 200, description: "A page of products", schema: productPageSchema },
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
