#pragma once

#include "http/HttpTypes.h"

#include <QList>
#include <QLoggingCategory>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

// "dps.identity": error codes and ids only, never a token or a secret.
Q_DECLARE_LOGGING_CATEGORY(lcIdentity)

namespace Dps::Identity {

struct AccessToken
{
    QString token;      // never logged
    qint64 expiresOnMs = 0;
    QString tenantId;
};

// A failed token request, as Entra reported it (or a transport failure). userMessage() says what to do.
struct AuthError
{
    QString error;            // invalid_grant, invalid_client, interaction_required, ... ("network" for transport)
    QString description;      // error_description (AADSTS text); safe to show, holds no secret
    QList<int> aadstsCodes;   // error_codes
    int httpStatus = 0;
    QString traceId;
    QString correlationId;

    // MFA, Conditional Access, consent or an expired sign-in: only an interactive sign-in can help.
    bool isInteractionRequired() const;
    // Translated: what went wrong and what to do about it.
    QString userMessage() const;
    // For "Copy details": error, AADSTS codes, status, trace and correlation ids (never a secret).
    QString technicalDetails() const;
    bool hasCode(int aadsts) const { return aadstsCodes.contains(aadsts); }
};

struct TokenRequest
{
    QStringList scopes;  // e.g. {"https://management.azure.com/.default"}
    QString tenantId;    // empty: the credential's own tenant
    bool forceRefresh = false; // skip the cache (after a 401)
    Http::CancellationTokenPtr cancellation;
};

using TokenCallback = std::function<void(const std::optional<AccessToken> &token, const AuthError &error)>;

// Source of access tokens (azure-identity's TokenCredential). Asynchronous: calls `done` exactly once.
class TokenCredential
{
public:
    virtual ~TokenCredential() = default;
    virtual void getToken(const TokenRequest &request, TokenCallback done) = 0;
    virtual QString defaultTenantId() const = 0;
};

} // namespace Dps::Identity

Q_DECLARE_METATYPE(Dps::Identity::AuthError)
