#pragma once

#include "SignIn.h"
#include "TokenCredential.h"
#include "arm/Cloud.h"
#include "arm/Resources.h"
#include "http/Policies.h"
#include "secrets/SecretError.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

#include <memory>
#include <optional>

class QSettings;

namespace Dps::Secrets {
class SecretStore;
class MemorySecretStore;
class SecretStoreAvailability;
} // namespace Dps::Secrets

namespace Dps::Identity {

enum class SignInMethod { Browser, DeviceCode, ServicePrincipal, AzureCli };
QString methodName(SignInMethod method); // "browser", "device-code", "service-principal", "azure-cli"
bool methodFromName(const QString &name, SignInMethod *out);
// Translated, for people: "browser sign-in", "service principal", ...
QString methodLabel(SignInMethod method);

// A cloud as remembered with an account: kind, endpoints, scope and the extra CA certificates a
// sandbox over TLS needs (public data; nothing secret). cloudFromJson() of a built-in cloud returns
// the built-in definition.
QJsonObject cloudToJson(const Arm::Cloud &cloud);
Arm::Cloud cloudFromJson(const QJsonObject &json);
QString cloudKindName(Arm::Cloud::Kind kind); // public, china, usgov, custom, sandbox
// The same ARM endpoint and authority (what makes a remembered account usable with a cloud).
bool sameCloud(const Arm::Cloud &a, const Arm::Cloud &b);

// A remembered account: what is needed to restore it without asking, and nothing secret.
struct Account
{
    QString id; // stable uuid
    SignInMethod method = SignInMethod::Browser;
    QString cloudName; // "AzureCloud", "Sandbox", ...
    QJsonObject cloud; // cloudToJson(): {kind, armEndpoint, authorityHost, armScope, ...}
    QString clientId;  // public client id, or the service principal's app id
    QString homeTenantId;
    QString username; // or the service principal's display name / app id
    QString displayName;
    QString objectId;         // oid (display and matching only)
    bool needsSignIn = false; // the saved sign-in stopped working (revoked, expired): sign in again
    bool sessionOnly = false; // no keychain: kept in this process only, never in the settings file

    bool isValid() const { return !id.isEmpty(); }
    bool isUser() const
    {
        return method == SignInMethod::Browser || method == SignInMethod::DeviceCode;
    }
    Arm::Cloud toCloud() const { return cloudFromJson(cloud); }
    // Where its secret lives in the SecretStore: the refresh token (browser, device code), the client
    // secret (service principal), or nothing (Azure CLI: the az login is the az's own business).
    QString secretKey() const;
    // "alex@contoso.example (Alex Wilber)"
    QString label() const;
    // Remembered fields only (no sessionOnly flag, no secret).
    QJsonObject toJson() const;
    static Account fromJson(const QJsonObject &json);
    // Same identity in the same cloud (a second sign-in of it replaces the first).
    bool sameIdentity(const Account &other) const;
};

// One tenant of an account, as the tenant list showed it, and whether a token could be had silently.
struct AccountTenant
{
    QString tenantId;
    QString displayName;
    QString defaultDomain;
    QString category; // Home, ProjectedBy, ManagedBy
    enum class State { Ready, NeedsSignIn, Failed } state = State::Ready;
    QString message; // why it needs sign-in (MFA, Conditional Access...) or failed
    QList<Arm::Subscription> subscriptions; // Ready tenants only
    static QString stateName(State state);  // "ready", "needs-sign-in", "failed"
    QJsonObject toJson() const;
};

// Why an account operation failed. message is translated and says what to do.
struct AccountError
{
    enum class Kind {
        SignIn,      // the sign-in itself failed (auth holds Entra's answer)
        NeedsSignIn, // the saved sign-in no longer works (revoked, expired, missing): sign in again
        Keychain,    // the keychain could not keep or give the secret (secret holds why)
        Cancelled,
        Other, // e.g. ARM failed while listing tenants
    };
    Kind kind = Kind::Other;
    QString message;
    AuthError auth;
    Secrets::SecretError secret;

    QString userMessage() const { return message; }
    QString technicalDetails() const;
};

// Remembered accounts in QSettings (organization and application "dps-setup"; or a given file for
// tests): group "accounts" with one JSON object per account id, "lastUsedAccount" and
// "signIn/clientId" (one's own app registration). Never a secret: those live in the SecretStore.
// Every call opens the file afresh, so several processes (the app, the command line) see each
// other's changes.
class AccountStore
{
public:
    explicit AccountStore(QString settingsFile = {}); // empty: the user's dps-setup settings
    QString fileName() const;

    QList<Account> accounts() const; // sorted by username
    std::optional<Account> account(const QString &id) const;
    // By id, or by username (case-insensitive); with `cloud`, only accounts of that cloud.
    std::optional<Account> find(const QString &idOrUsername,
                                const Arm::Cloud *cloud = nullptr) const;
    void save(const Account &account); // adds or replaces (by id); session-only accounts are refused
    void remove(const QString &id);

    QString lastUsedId() const;
    void setLastUsed(const QString &id);
    std::optional<Account> lastUsed() const;

    // The app registration to sign in with (empty: kAzureCliClientId).
    QString clientId() const;
    void setClientId(const QString &clientId);

private:
    std::unique_ptr<QSettings> open() const;
    QString m_file;
};

struct SignInOptions
{
    QString tenant;    // empty: "organizations" (users); required for a service principal
    QString clientId;  // empty: AccountStore::clientId(), else kAzureCliClientId; the SP's app id
    QString loginHint; // pre-fills the user name (browser)
    QString clientSecret; // service principal only; goes to the SecretStore and nowhere else
    QString azProgram = QStringLiteral("az");
    bool sessionOnly = false; // don't remember the account; keep its secret in memory only
    // When the keychain can't keep the secret: Ask emits keychainUnavailable() and waits for
    // stayForSessionOnly() or cancel(); SessionOnly goes on in memory (after the same signal); Fail fails.
    enum class IfNoKeychain { Ask, SessionOnly, Fail } ifNoKeychain = IfNoKeychain::Ask;
    int browserTimeoutMs = 0; // 0: BrowserSignIn's default
    UrlOpener opener;         // browser sign-in: empty for the manager's (the system browser)
};

// One account operation (STYLE.md 3): sign-in, restore, tenant list or sign-out. Emits exactly one of
// finished/failed from the event loop, then deletes itself. Deleting it earlier stops listening (a
// running interactive sign-in is cancelled).
class AccountOperation : public QObject
{
    Q_OBJECT
public:
    explicit AccountOperation(QObject *parent = nullptr);
    ~AccountOperation() override;

    void cancel();
    // After keychainUnavailable(): go on with the secret in memory, without remembering the account.
    void stayForSessionOnly();

    Account account() const { return m_account; }
    // signIn() and restore(): the account's credential (tokens for any of its tenants).
    std::shared_ptr<TokenCredential> credential() const { return m_credential; }
    // tenants(): every tenant of the account with its state and, for Ready ones, its subscriptions.
    QList<AccountTenant> tenants() const { return m_tenants; }

    // For AccountManager.
    void complete(const Account &account);
    void fail(const AccountError &error);
    bool isDone() const { return m_done; }

Q_SIGNALS:
    void waitingForBrowser(const QUrl &authorizeUrl);
    void codeReady(const QString &userCode,
                   const QUrl &verificationUri,
                   const QString &message,
                   int expiresInSeconds);
    // The keychain can't keep the secret: `message` says so and offers "this session only".
    void keychainUnavailable(const Dps::Secrets::SecretError &error, const QString &message);
    void finished(const Dps::Identity::Account &account);
    void failed(const Dps::Identity::AccountError &error);

    // Internal: cancel() and stayForSessionOnly() reach the running flow through these.
    void cancelRequested();
    void sessionOnlyChosen();

private:
    friend class AccountManager;
    Account m_account;
    std::shared_ptr<TokenCredential> m_credential;
    QList<AccountTenant> m_tenants;
    bool m_done = false;
    bool m_sessionOnlyChosen = false;
};

// Signs in (browser, device code, service principal, Azure CLI), remembers accounts (AccountStore) with
// their refresh token or client secret in the SecretStore only, restores them without a browser while
// the refresh token works, lists every tenant of an account (with a silent token per tenant) and signs
// out. Access tokens stay in memory. No widgets: the UI and the command line pass a UrlOpener.
//
//   signIn ─► BrowserSignIn / DeviceCodeSignIn / ClientSecretCredential / AzureCliCredential
//          ─► SecretStore.write(refreshTokenKey | clientSecretKey) ─► AccountStore.save ─► signedIn
//                     └─ keychain unavailable ─► keychainUnavailable ─► memory store, not remembered
//   restore ─► SecretStore.read ─► RefreshTokenCredential (rotated RTs written back) ─► home-tenant token
//                                   └─ invalid_grant ─► account.needsSignIn, accountChanged
class AccountManager : public QObject
{
    Q_OBJECT
public:
    // `secrets` (not owned) is the keychain in the app, a MemorySecretStore in unit tests.
    AccountManager(std::shared_ptr<AccountStore> store,
                   Secrets::SecretStore *secrets,
                   QObject *parent = nullptr);
    ~AccountManager() override;

    // How the browser is opened (the app: QDesktopServices; the CLI: xdg-open; tests: a fetcher).
    void setUrlOpener(UrlOpener opener) { m_opener = std::move(opener); }
    // User agent and retries of the token and ARM requests (the cloud adds its CA certificates).
    void setPipelineOptions(const Http::PipelineOptions &options) { m_pipelineOptions = options; }
    void setClock(std::shared_ptr<Http::Clock> clock) { m_clock = std::move(clock); }
    // The `az` that Azure CLI accounts use when restored.
    void setAzureCliProgram(const QString &program) { m_azProgram = program; }

    AccountStore &store() const { return *m_store; }
    Secrets::SecretStore *secretStore() const { return m_secrets; }
    QNetworkAccessManager *networkAccessManager() { return &m_nam; }

    // Remembered accounts plus this session's.
    QList<Account> accounts() const;
    std::optional<Account> account(const QString &id) const;
    std::optional<Account> lastUsedAccount() const;
    // The client id of new sign-ins: the store's setting, else kAzureCliClientId.
    QString defaultClientId() const;

    // Whether the keychain can keep secrets, before anyone types anything (SecretStoreAvailability).
    Secrets::SecretStoreAvailability *probeKeychain();

    AccountOperation *signIn(SignInMethod method,
                             const Arm::Cloud &cloud,
                             const SignInOptions &options = {});
    // The account's credential at once, without network or keychain access until the first token is
    // asked for (then it reads the secret). Shared per account, so its token cache is too.
    std::shared_ptr<TokenCredential> credential(const Account &account);
    // Reads the secret and gets a token for the home tenant: finished(account) with credential(), or
    // failed(NeedsSignIn) when the refresh token is revoked or expired (the account is marked).
    AccountOperation *restore(const Account &account);
    // GET /tenants with the home tenant's token, a silent token per tenant (MFA / Conditional Access
    // tenants come back NeedsSignIn, not dropped), the subscriptions of every Ready tenant.
    AccountOperation *tenants(const Account &account);
    // Forgets the account and deletes its secret (finished(account) once the keychain entry is gone).
    AccountOperation *signOut(const Account &account);
    AccountOperation *signOutAll();

    // Keychain writes and deletes still running (a rotated refresh token): a process that is about to
    // exit waits for secretWritesFinished().
    int pendingSecretWrites() const { return m_pendingWrites; }

Q_SIGNALS:
    void signedIn(const Dps::Identity::Account &account);
    void signedOut(const Dps::Identity::Account &account);
    void accountChanged(const Dps::Identity::Account &account); // e.g. now needs sign-in
    void secretWritesFinished();

private:
    friend class StoredCredential;
    struct SignInFlow;
    Http::PipelineOptions pipelineOptions(const Arm::Cloud &cloud) const;
    std::shared_ptr<TokenEndpoint> tokenEndpoint(const Arm::Cloud &cloud);
    PublicClientConfig publicClientConfig(const Arm::Cloud &cloud,
                                          const QString &clientId,
                                          const QString &tenant,
                                          const QString &loginHint = {});
    Secrets::SecretStore *storeFor(const Account &account) const;
    std::shared_ptr<TokenCredential> makeCredential(const Account &account,
                                                    const QByteArray &secret);
    std::function<void(const QString &)> rotationWriter(const Account &account);
    void writeSecret(Secrets::SecretStore *store, const QString &key, const QByteArray &value);
    void removeSecret(Secrets::SecretStore *store,
                      const QString &key,
                      std::function<void(const std::optional<Secrets::SecretError> &)> done);
    void secretOperationDone();
    void finishSignIn(const std::shared_ptr<SignInFlow> &flow,
                      Account account,
                      const QByteArray &secret,
                      std::shared_ptr<TokenCredential> credential);
    void keepForSession(const std::shared_ptr<SignInFlow> &flow, const QByteArray &secret);
    void remember(const std::shared_ptr<SignInFlow> &flow);
    void markNeedsSignIn(const QString &accountId, bool needsSignIn);
    void forget(const Account &account);
    bool isSignedOut(const QString &accountId) const { return m_signedOut.contains(accountId); }

    std::shared_ptr<AccountStore> m_store;
    QPointer<Secrets::SecretStore> m_secrets;
    Secrets::MemorySecretStore *m_sessionSecrets; // child: "this session only"
    QHash<QString, Account> m_sessionAccounts;
    QHash<QString, std::shared_ptr<TokenCredential>> m_credentials; // live, per account id
    QSet<QString> m_signedOut; // ids signed out in this process: rotated tokens are not written back
    QNetworkAccessManager m_nam;
    Http::PipelineOptions m_pipelineOptions;
    std::shared_ptr<Http::Clock> m_clock = Http::SystemClock::instance();
    UrlOpener m_opener;
    QString m_azProgram = QStringLiteral("az");
    int m_pendingWrites = 0;
};

} // namespace Dps::Identity

Q_DECLARE_METATYPE(Dps::Identity::Account)
Q_DECLARE_METATYPE(Dps::Identity::AccountError)
