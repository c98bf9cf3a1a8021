#pragma once

#include "ClientSecretCredential.h"
#include "TokenCredential.h"

#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

// Interactive and delegated sign-in to Entra ID (issue 4): system browser with PKCE, device code,
// refresh tokens shared across tenants, and the Azure CLI's login. No widgets, no keychain: callers
// (AccountManager) decide where refresh tokens go.
namespace Dps::Identity {

// The public client id the Azure CLI and azure-identity use (entra-auth-and-secrets.md section 2);
// overridable with one's own app registration (README "Your own app registration").
inline const QString kAzureCliClientId = QStringLiteral("04b07795-8ddb-461a-bbee-02f9e1bf7b46");

struct PublicClientConfig
{
    QUrl authorityHost;                 // https://login.microsoftonline.com/ (loopback http allowed for the sandbox)
    QString clientId = kAzureCliClientId;
    QString tenant = QStringLiteral("organizations"); // or a tenant id / domain
    QString armScope = QStringLiteral("https://management.azure.com/.default");
    QString loginHint;                  // optional
    std::shared_ptr<TokenEndpoint> endpoint; // anonymous pipeline to the token endpoint
    std::shared_ptr<Http::Clock> clock = Http::SystemClock::instance();
    // Scopes asked for interactively: armScope + "offline_access openid profile".
    QString interactiveScopes() const;
};

// Who signed in, from the id token's claims (display only; never used for decisions).
struct SignInResult
{
    AccessToken accessToken;  // for `tenantId`, ARM scope
    QString refreshToken;     // store it in the SecretStore, nowhere else
    QString tenantId;         // the tenant the sign-in happened in (tid)
    QString homeTenantId;     // the user's home tenant (utid of client_info), if known
    QString objectId;         // oid
    QString username;         // preferred_username
    QString displayName;      // name
};

// Opens a URL in the system browser; the app passes QDesktopServices, tests a handler that fetches
// the page and follows the redirect like a browser.
using UrlOpener = std::function<bool(const QUrl &url)>;

// Authorization code + PKCE (S256) with a loopback redirect http://localhost:PORT/ (Qt 6.4's
// QtNetworkAuth has no PKCE and swallows errors, so this speaks the protocol itself):
//   listen on 127.0.0.1 (random port) -> open /authorize?...&state=<32 random bytes>&code_challenge=...
//   -> browser redirects to http://localhost:PORT/?code=..&state=.. -> check state -> answer a short
//   "signed in, you can close this tab" page (or the error) -> POST /token with the verifier.
// Like every one-shot operation (STYLE.md 3, Http::finishOnce): emits exactly one of finished/failed,
// from the event loop, then deletes itself; deleting it earlier stops it without a signal.
// failed() errors: "timeout", "cancelled", "state_mismatch", "listener_failed", the redirect's
// error (access_denied, invalid_scope...) or the token endpoint's.
class BrowserSignIn : public QObject
{
    Q_OBJECT
public:
    BrowserSignIn(PublicClientConfig config, UrlOpener opener, QObject *parent = nullptr);
    ~BrowserSignIn() override;
    void setTimeoutMs(int ms); // default 5 minutes
    void start();
    void cancel();

Q_SIGNALS:
    void waitingForBrowser(const QUrl &authorizeUrl); // shown so a person can open it by hand
    void finished(const Dps::Identity::SignInResult &result);
    void failed(const Dps::Identity::AuthError &error);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// Device authorization grant (RFC 8628): shows a code, polls at `interval`, honours slow_down, stops on
// expiry, decline or cancel. Emits exactly one of finished/failed, then deletes itself (as BrowserSignIn).
class DeviceCodeSignIn : public QObject
{
    Q_OBJECT
public:
    explicit DeviceCodeSignIn(PublicClientConfig config, QObject *parent = nullptr);
    ~DeviceCodeSignIn() override;
    void start();
    void cancel();

Q_SIGNALS:
    void codeReady(const QString &userCode, const QUrl &verificationUri, const QString &message, int expiresInSeconds);
    void finished(const Dps::Identity::SignInResult &result);
    void failed(const Dps::Identity::AuthError &error);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// Access tokens for any tenant of the user from one refresh token (refresh-tokens.md: RTs are not
// bound to a tenant). Caches per (tenant, scope); stores each rotated refresh token through
// `onRefreshTokenRotated` (the AccountManager writes it to the SecretStore). A tenant that demands
// MFA / Conditional Access fails with AuthError::isInteractionRequired().
class RefreshTokenCredential : public TokenCredential
{
public:
    RefreshTokenCredential(PublicClientConfig config, QString homeTenantId, QString refreshToken,
                           std::function<void(const QString &newRefreshToken)> onRefreshTokenRotated = {});
    ~RefreshTokenCredential() override;
    void getToken(const TokenRequest &request, TokenCallback done) override;
    QString defaultTenantId() const override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// "Use my Azure CLI login": `az account get-access-token --output json --resource <resource>
// [--tenant <id>]` run with QProcess and an argument list (no shell), stdout never logged.
// Errors: "azure_cli_not_installed", "azure_cli_not_logged_in", "azure_cli_timeout",
// "azure_cli_failed" (stderr, token-like text redacted).
class AzureCliCredential : public TokenCredential
{
public:
    explicit AzureCliCredential(QString azProgram = QStringLiteral("az"), QString defaultTenant = {},
                                std::shared_ptr<Http::Clock> clock = Http::SystemClock::instance());
    ~AzureCliCredential() override;
    void getToken(const TokenRequest &request, TokenCallback done) override;
    QString defaultTenantId() const override;
    void setTimeoutMs(int ms); // default 20 s
    static bool isAvailable(const QString &azProgram = QStringLiteral("az")); // on the PATH

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Dps::Identity

Q_DECLARE_METATYPE(Dps::Identity::SignInResult)
