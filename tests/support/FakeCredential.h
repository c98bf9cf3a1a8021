#pragma once

#include "identity/TokenCredential.h"

#include <QObject>

#include <deque>
#include <memory>

namespace Dps::Test {

// A TokenCredential that answers asynchronously (queued) with tokens "token-<tenant>-<n>", n
// counting every token it hands out, and records each request. No cache of its own: forceRefresh or
// not, every call mints a new token, so a test sees exactly what the caller asked for.
class FakeCredential : public Identity::TokenCredential
{
public:
    explicit FakeCredential(QString defaultTenant = QStringLiteral("tenant-a"));

    void getToken(const Identity::TokenRequest &request, Identity::TokenCallback done) override;
    QString defaultTenantId() const override { return m_defaultTenant; }

    // The next getToken call fails with `error` (queue several for several calls).
    void failNext(const Identity::AuthError &error) { m_failures.push_back(error); }
    // Tokens expire at this instant (ms since epoch); default: far in the future.
    void setExpiresOnMs(qint64 ms) { m_expiresOnMs = ms; }

    QList<Identity::TokenRequest> requests() const { return m_requests; }
    int requestCount() const { return int(m_requests.size()); }
    int forcedRefreshCount() const;
    QString lastToken() const { return m_lastToken; }
    QStringList issuedTokens() const { return m_issued; }

private:
    QString m_defaultTenant;
    std::deque<Identity::AuthError> m_failures;
    qint64 m_expiresOnMs = 4'102'444'800'000; // 2100-01-01
    QList<Identity::TokenRequest> m_requests;
    QStringList m_issued;
    QString m_lastToken;
    QObject m_context;
};

} // namespace Dps::Test
