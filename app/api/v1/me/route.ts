import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { readJson, withAuth } from "@/lib/http/with-auth";
import { deleteOwnAccount } from "@/lib/portal/accounts/delete-own-account";
import { deleteAccountInputSchema } from "@/lib/portal/accounts/portal-account-schemas";
import { setThemePreference, themeFromDb } from "@/lib/iam/users/set-theme-preference";
import { themeCookieMaxAgeSeconds, themeCookieName, updateMeInputSchema } from "@/lib/iam/users/theme-preference-schemas";

// GET /api/v1/me - who the caller is, and their theme preference
export const GET = withAuth(
  async ({ actor }) => {
    const user = actor.userId ? await db().user.findUnique({ where: { id: actor.userId } }) : null;
    return NextResponse.json({
      id: actor.userId ?? actor.id,
      email: user?.email ?? null,
      name: user?.name ?? actor.label,
      role: actor.role,
      theme: user ? themeFromDb(user.themePreference) : "system",
    });
  },
  { route: "GET /me" },
);

// PATCH /api/v1/me - {theme}; also sets the cookie the root layout renders the theme from (no flash)
export const PATCH = withAuth(
  async ({ request, actor }) => {
    const { theme } = updateMeInputSchema.parse(await readJson(request));
    const stored = await setThemePreference(actor, theme);
    const response = NextResponse.json({ theme: stored });
    response.cookies.set(themeCookieName, stored, { path: "/", sameSite: "lax", maxAge: themeCookieMaxAgeSeconds });
    return response;
  },
  { route: "PATCH /me" },
);

// DELETE /api/v1/me - a developer deletes their own account ({confirm: true}); its subscriptions are cancelled first
export const DELETE = withAuth(
  async ({ request, actor }) => {
    deleteAccountInputSchema.parse(await readJson(request));
    return NextResponse.json(await deleteOwnAccount(actor));
  },
  { route: "DELETE /me" },
);
