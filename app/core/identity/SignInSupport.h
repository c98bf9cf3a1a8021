#pragma once

// Internals shared by the sign-in flows and RefreshTokenCredential (SignIn.h); not part of the API.
#include "SignIn.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace Dps::Identity::Detail {

using Form = QList<QPair<QString, QString>>;

AuthError makeError(const QString &error, const QString &description = {});

// base64url (no padding) of `bytes` bytes from the system's CSPRNG: PKCE verifiers and `state`.
QString randomUrlSafe(int bytes);
// RFC 7636 S256: base64url(SHA-256(verifier)) without padding.
QString pkceChallenge(const QString &verifier);

// The payload of a JWT, decoded for display only: never verified, never used for decisions.
QJsonObject jwtPayload(const QString &jwt);
// Entra's client_info (base64url JSON {uid, utid}).
QJsonObject clientInfo(const QString &encoded);

// Who signed in, from a successful token response (id_token and client_info claims).
// `requestedTenant` is the fallback when the answer names no tenant.
SignInResult signInResultFrom(const TokenEndpoint::Response &response,
                              const QString &requestedTenant);

// "a b" + "c a" -> "a b c": scopes joined without duplicates, in order.
QString joinScopes(const QString &first, const QString &second);

// "AADSTS50011: ..." in an error_description: the codes Entra's redirect errors carry only as text.
QList<int> aadstsCodesIn(const QString &description);

} // namespace Dps::Identity::Detail
