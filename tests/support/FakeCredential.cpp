#include "FakeCredential.h"

namespace Dps::Test {

FakeCredential::FakeCredential(QString defaultTenant)
    : m_defaultTenant(std::move(defaultTenant))
{}

int FakeCredential::forcedRefreshCount() const
{
    int n = 0;
    for (const auto &r : m_requests)
        n += r.forceRefresh ? 1 : 0;
    return n;
}

void FakeCredential::getToken(const Identity::TokenRequest &request, Identity::TokenCallback done)
{
    m_requests.append(request);
    std::optional<Identity::AccessToken> token;
    Identity::AuthError error;
    if (!m_failures.empty()) {
        error = m_failures.front();
        m_failures.pop_front();
    } else {
        const QString tenant = request.tenantId.isEmpty() ? m_defaultTenant : request.tenantId;
        Identity::AccessToken t;
        t.token = QStringLiteral("token-%1-%2").arg(tenant).arg(m_issued.size() + 1);
        t.expiresOnMs = m_expiresOnMs;
        t.tenantId = tenant;
        m_issued.append(t.token);
        m_lastToken = t.token;
        token = t;
    }
    QMetaObject::invokeMethod(
        &m_context,
        [done = std::move(done), token, error] { done(token, error); },
        Qt::QueuedConnection);
}

} // namespace Dps::Test
