#pragma once

// Helpers of the account tests: wait for an AccountOperation or a token, and a "browser" that fetches
// the authorize URL and follows the redirect to the app's loopback listener, as a browser would.
#include "identity/AccountManager.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QObject>
#include <QTest>

#include <memory>

namespace Dps::Test {

struct OperationResult
{
    bool done = false;
    bool ok = false;
    Identity::Account account;
    Identity::AccountError error;
    std::shared_ptr<Identity::TokenCredential> credential;
    QList<Identity::AccountTenant> tenants;
    QStringList keychainMessages;
};

// Waits (bounded) for the operation's one result. `onKeychain` answers keychainUnavailable (e.g. with
// stayForSessionOnly()).
inline OperationResult waitFor(Identity::AccountOperation *op,
                               int timeoutMs = 30000,
                               std::function<void(Identity::AccountOperation *)> onKeychain = {})
{
    auto r = std::make_shared<OperationResult>();
    QObject context;
    QObject::connect(op,
                     &Identity::AccountOperation::finished,
                     &context,
                     [r, op](const Identity::Account &a) {
                         r->done = r->ok = true;
                         r->account = a;
                         r->credential = op->credential();
                         r->tenants = op->tenants();
                     });
    QObject::connect(op,
                     &Identity::AccountOperation::failed,
                     &context,
                     [r](const Identity::AccountError &e) {
                         r->done = true;
                         r->error = e;
                     });
    QObject::connect(op,
                     &Identity::AccountOperation::keychainUnavailable,
                     &context,
                     [r, op, onKeychain](const Secrets::SecretError &, const QString &message) {
                         r->keychainMessages << message;
                         if (onKeychain)
                             onKeychain(op);
                     });
    (void) QTest::qWaitFor([r] { return r->done; }, timeoutMs);
    return *r;
}

struct TokenResult
{
    bool done = false;
    std::optional<Identity::AccessToken> token;
    Identity::AuthError error;
};

inline TokenResult waitForToken(Identity::TokenCredential &credential,
                                const QString &tenantId,
                                const QString &scope
                                = QStringLiteral("https://management.azure.com/.default"),
                                int timeoutMs = 20000)
{
    auto r = std::make_shared<TokenResult>();
    Identity::TokenRequest request;
    request.scopes = {scope};
    request.tenantId = tenantId;
    credential.getToken(request,
                        [r](const std::optional<Identity::AccessToken> &token,
                            const Identity::AuthError &e) {
                            r->done = true;
                            r->token = token;
                            r->error = e;
                        });
    (void) QTest::qWaitFor([r] { return r->done; }, timeoutMs);
    return *r;
}

// The system browser of the tests: GETs the authorize URL (the sandbox runs with --auto-approve) and
// follows the redirect to http://localhost:PORT/?code=... like a browser. Counts its launches.
class FetchingBrowser
{
public:
    Identity::UrlOpener opener()
    {
        return [this](const QUrl &url) {
            ++launches;
            lastUrl = url;
            QNetworkRequest request(url);
            request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                 QNetworkRequest::NoLessSafeRedirectPolicy);
            QNetworkReply *reply = m_nam.get(request);
            QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
            return true;
        };
    }
    int launches = 0;
    QUrl lastUrl;

private:
    QNetworkAccessManager m_nam;
};

} // namespace Dps::Test
