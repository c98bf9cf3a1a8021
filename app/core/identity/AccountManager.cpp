// Accounts: sign-in, remembering, restoring, tenants and sign-out (AccountManager.h). Secrets (refresh
// tokens, client secrets) go to the SecretStore and nowhere else; this file logs account ids, tenant ids
// and error codes only.
#include "AccountManager.h"

#include "arm/ArmClient.h"
#include "secrets/MemorySecretStore.h"
#include "secrets/SecretStore.h"
#include "secrets/SecretStoreAvailability.h"
#include "services/AzureService.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTimer>
#include <QUuid>

#include <algorithm>

namespace Dps::Identity {

namespace {

// Messages name their context ("Dps::Identity::AccountManager") explicitly: lupdate files a tr()
// by the scope it is in, and this file has free functions, StoredCredential and AccountManager.

// The refresh token itself is dead (revoked, expired, issued to another client): only a new
// interactive sign-in helps, for every tenant.
bool isDeadGrant(const AuthError &e)
{
    return e.error == QLatin1String("invalid_grant") || e.error == QLatin1String("no_saved_sign_in")
           || e.hasCode(50173) || e.hasCode(70008) || e.hasCode(700082) || e.hasCode(700084);
}

// Claims of a JWT, decoded for display only (who signed in): never verified, never used to decide.
QJsonObject jwtClaims(const QString &jwt)
{
    const QStringList parts = jwt.split(QLatin1Char('.'));
    if (parts.size() < 2)
        return {};
    const QByteArray payload = QByteArray::fromBase64(parts.at(1).toLatin1(),
                                                      QByteArray::Base64UrlEncoding
                                                          | QByteArray::OmitTrailingEquals);
    return QJsonDocument::fromJson(payload).object();
}

QString firstClaim(const QJsonObject &claims, std::initializer_list<const char *> names)
{
    for (const char *name : names) {
        const QString v = claims.value(QLatin1String(name)).toString();
        if (!v.isEmpty())
            return v;
    }
    return {};
}

AccountError signInError(const AuthError &e)
{
    AccountError error;
    error.kind = e.error == QLatin1String("cancelled") ? AccountError::Kind::Cancelled
                                                       : AccountError::Kind::SignIn;
    error.auth = e;
    error.message = e.userMessage();
    return error;
}

AccountError otherError(const QString &message)
{
    AccountError error;
    error.kind = AccountError::Kind::Other;
    error.message = message;
    return error;
}

// What the keychain failure means, offering "this session only" for every kind of failure (a broken
// keychain can't keep the secret either).
QString keychainMessage(const Secrets::SecretError &e)
{
    QString message = e.userMessage();
    if (!e.isKeychainUnavailable())
        message += QLatin1Char(' ')
                   + QCoreApplication::translate("Dps::Identity::AccountManager",
                                                 "You can stay signed in for this session only.");
    return message;
}

AccountError keychainError(const Secrets::SecretError &e, const QString &message)
{
    AccountError error;
    error.kind = AccountError::Kind::Keychain;
    error.secret = e;
    error.message = message;
    return error;
}

// A failed token request of a restored account, as an AccountError.
AccountError restoreError(const Account &account, const AuthError &e)
{
    AccountError error;
    error.auth = e;
    if (e.error == QLatin1String("keychain_unavailable")) {
        error.kind = AccountError::Kind::Keychain;
        error.message = e.description;
    } else if (e.error == QLatin1String("cancelled")) {
        error.kind = AccountError::Kind::Cancelled;
        error.message = e.userMessage();
    } else if (isDeadGrant(e) || e.isInteractionRequired()) {
        error.kind = AccountError::Kind::NeedsSignIn;
        error.message = e.error == QLatin1String("no_saved_sign_in")
                            ? e.description
                            : QCoreApplication::translate("Dps::Identity::AccountManager", "%1: %2")
                                  .arg(account.label(), e.userMessage());
    } else {
        error.kind = AccountError::Kind::SignIn;
        error.message = e.userMessage();
    }
    return error;
}

AccountError armError(const Arm::ArmError &e)
{
    AccountError error;
    error.message = e.userMessage();
    if (e.isCancelled()) {
        error.kind = AccountError::Kind::Cancelled;
    } else if (e.kind == Arm::ArmError::Kind::Authentication) {
        error.auth.error = e.code;
        error.auth.description = e.message;
        if (e.code == QLatin1String("keychain_unavailable"))
            error.kind = AccountError::Kind::Keychain;
        else if (isDeadGrant(error.auth) || error.auth.isInteractionRequired())
            error.kind = AccountError::Kind::NeedsSignIn;
        else
            error.kind = AccountError::Kind::SignIn;
    }
    return error;
}

} // namespace

// ---- AccountOperation ---------------------------------------------------------------------------

AccountOperation::AccountOperation(QObject *parent)
    : QObject(parent)
{}

AccountOperation::~AccountOperation() = default;

void AccountOperation::cancel()
{
    if (!m_done)
        Q_EMIT cancelRequested();
}

void AccountOperation::stayForSessionOnly()
{
    if (m_done || m_sessionOnlyChosen)
        return;
    m_sessionOnlyChosen = true;
    Q_EMIT sessionOnlyChosen();
}

void AccountOperation::complete(const Account &account)
{
    if (m_done)
        return;
    m_done = true;
    m_account = account;
    QMetaObject::invokeMethod(
        this,
        [this] {
            QPointer<AccountOperation> self(this);
            Q_EMIT finished(m_account);
            if (self)
                deleteLater();
        },
        Qt::QueuedConnection);
}

void AccountOperation::fail(const AccountError &error)
{
    if (m_done)
        return;
    m_done = true;
    QMetaObject::invokeMethod(
        this,
        [this, error] {
            QPointer<AccountOperation> self(this);
            Q_EMIT failed(error);
            if (self)
                deleteLater();
        },
        Qt::QueuedConnection);
}

// ---- StoredCredential ---------------------------------------------------------------------------

// An account's credential that reads its secret from the SecretStore on the first token request
// (so the command line can build its pipeline before anything is read), then hands every request to
// the real credential. Marks the account "needs sign-in" when its refresh token turns out dead.
class StoredCredential : public TokenCredential,
                         public std::enable_shared_from_this<StoredCredential>
{
public:
    StoredCredential(AccountManager *manager, Account account)
        : m_manager(manager)
        , m_account(std::move(account))
    {}

    void getToken(const TokenRequest &request, TokenCallback done) override
    {
        if (m_inner) {
            forward(request, std::move(done));
            return;
        }
        m_waiting.append({request, std::move(done)});
        if (!m_loading)
            load();
    }

    QString defaultTenantId() const override { return m_account.homeTenantId; }

private:
    struct Waiting
    {
        TokenRequest request;
        TokenCallback done;
    };

    void load()
    {
        if (!m_manager) {
            failAll(AuthError{QStringLiteral("cancelled")});
            return;
        }
        const QString key = m_account.secretKey();
        if (key.isEmpty()) { // Azure CLI: nothing stored
            m_inner = m_manager->makeCredential(m_account, {});
            flush();
            return;
        }
        Secrets::SecretStore *store = m_manager->storeFor(m_account);
        if (!store) {
            failAll(AuthError{QStringLiteral("keychain_unavailable"),
                              QCoreApplication::translate("Dps::Identity::AccountManager",
                                                          "No keychain is available.")});
            return;
        }
        m_loading = true;
        std::weak_ptr<StoredCredential> weak = weak_from_this();
        Secrets::SecretJob *job = store->read(key);
        QObject::connect(job,
                         &Secrets::SecretJob::finished,
                         m_manager,
                         [weak](const QByteArray &value) {
                             if (auto self = weak.lock())
                                 self->loaded(value);
                         });
        QObject::connect(job,
                         &Secrets::SecretJob::failed,
                         m_manager,
                         [weak](const Secrets::SecretError &e) {
                             if (auto self = weak.lock())
                                 self->loadFailed(e);
                         });
    }

    void loaded(const QByteArray &secret)
    {
        m_loading = false;
        if (!m_manager) {
            failAll(AuthError{QStringLiteral("cancelled")});
            return;
        }
        m_inner = m_manager->makeCredential(m_account, secret);
        flush();
    }

    void loadFailed(const Secrets::SecretError &e)
    {
        m_loading = false;
        AuthError error;
        if (e.kind == Secrets::SecretError::Kind::NotFound) {
            error.error = QStringLiteral("no_saved_sign_in");
            error.description
                = QCoreApplication::translate(
                      "Dps::Identity::AccountManager",
                      "No saved sign-in for %1 was found in the keychain. Sign in again.")
                      .arg(m_account.label());
            if (m_manager)
                m_manager->markNeedsSignIn(m_account.id, true);
        } else {
            error.error = QStringLiteral("keychain_unavailable");
            error.description = e.userMessage();
        }
        qCInfo(lcIdentity).noquote()
            << "account" << m_account.id
            << "keychain entry not readable:" << Secrets::SecretError::kindName(e.kind);
        failAll(error);
    }

    void flush()
    {
        const QList<Waiting> waiting = std::exchange(m_waiting, {});
        for (const Waiting &w : waiting)
            forward(w.request, w.done);
    }

    void failAll(const AuthError &error)
    {
        const QList<Waiting> waiting = std::exchange(m_waiting, {});
        for (const Waiting &w : waiting)
            w.done(std::nullopt, error);
    }

    void forward(const TokenRequest &request, TokenCallback done)
    {
        QPointer<AccountManager> manager = m_manager;
        const QString accountId = m_account.id;
        const QString home = m_account.homeTenantId;
        const QString tenant = request.tenantId;
        m_inner->getToken(request,
                          [manager,
                           accountId,
                           home,
                           tenant,
                           done](const std::optional<AccessToken> &token, const AuthError &error) {
                              if (!token && manager) {
                                  const bool homeTenant = tenant.isEmpty()
                                                          || tenant.compare(home,
                                                                            Qt::CaseInsensitive)
                                                                 == 0;
                                  if (isDeadGrant(error)
                                      || (homeTenant && error.isInteractionRequired())) {
                                      qCInfo(lcIdentity).noquote()
                                          << "account" << accountId
                                          << "needs sign-in:" << error.error << error.aadstsCodes;
                                      manager->markNeedsSignIn(accountId, true);
                                  }
                              }
                              done(token, error);
                          });
    }

    QPointer<AccountManager> m_manager;
    Account m_account;
    std::shared_ptr<TokenCredential> m_inner;
    QList<Waiting> m_waiting;
    bool m_loading = false;
};

// ---- AccountManager -----------------------------------------------------------------------------

struct AccountManager::SignInFlow
{
    QPointer<AccountOperation> op;
    SignInMethod method = SignInMethod::Browser;
    Arm::Cloud cloud;
    SignInOptions options;
    Account account;
    QByteArray secret; // until it is in a store
    std::shared_ptr<TokenCredential> credential;
    bool settled = false; // a store took the secret (or the flow failed)
};

AccountManager::AccountManager(std::shared_ptr<AccountStore> store,
                               Secrets::SecretStore *secrets,
                               QObject *parent)
    : QObject(parent)
    , m_store(store ? std::move(store) : std::make_shared<AccountStore>())
    , m_secrets(secrets)
    , m_sessionSecrets(new Secrets::MemorySecretStore(this))
{}

AccountManager::~AccountManager() = default;

QList<Account> AccountManager::accounts() const
{
    QList<Account> list = m_store->accounts();
    for (const Account &a : m_sessionAccounts)
        list.append(a);
    return list;
}

std::optional<Account> AccountManager::account(const QString &id) const
{
    if (m_sessionAccounts.contains(id))
        return m_sessionAccounts.value(id);
    return m_store->account(id);
}

std::optional<Account> AccountManager::lastUsedAccount() const
{
    return m_store->lastUsed();
}

QString AccountManager::defaultClientId() const
{
    const QString configured = m_store->clientId();
    return configured.isEmpty() ? kAzureCliClientId : configured;
}

Secrets::SecretStoreAvailability *AccountManager::probeKeychain()
{
    return Secrets::SecretStoreAvailability::probe(m_secrets);
}

Http::PipelineOptions AccountManager::pipelineOptions(const Arm::Cloud &cloud) const
{
    Http::PipelineOptions options = m_pipelineOptions;
    options.defaultScope = cloud.armScope;
    options.extraCa += cloud.extraCaCertificates;
    options.extraCaOrigins += cloud.endpoints();
    return options;
}

std::shared_ptr<TokenEndpoint> AccountManager::tokenEndpoint(const Arm::Cloud &cloud)
{
    return std::make_shared<TokenEndpoint>(Http::makeAnonymousPipeline(&m_nam,
                                                                       pipelineOptions(cloud),
                                                                       m_clock),
                                           cloud.authorityHost,
                                           m_clock);
}

PublicClientConfig AccountManager::publicClientConfig(const Arm::Cloud &cloud,
                                                      const QString &clientId,
                                                      const QString &tenant,
                                                      const QString &loginHint)
{
    PublicClientConfig config;
    config.authorityHost = cloud.authorityHost;
    config.clientId = clientId.isEmpty() ? defaultClientId() : clientId;
    if (!tenant.isEmpty())
        config.tenant = tenant;
    config.armScope = cloud.armScope;
    config.loginHint = loginHint;
    config.endpoint = tokenEndpoint(cloud);
    config.clock = m_clock;
    return config;
}

Secrets::SecretStore *AccountManager::storeFor(const Account &account) const
{
    if (account.sessionOnly || m_sessionAccounts.contains(account.id))
        return m_sessionSecrets;
    return m_secrets;
}

std::shared_ptr<TokenCredential> AccountManager::makeCredential(const Account &account,
                                                                const QByteArray &secret)
{
    const Arm::Cloud cloud = account.toCloud();
    switch (account.method) {
    case SignInMethod::Browser:
    case SignInMethod::DeviceCode:
        return std::make_shared<RefreshTokenCredential>(publicClientConfig(cloud,
                                                                           account.clientId,
                                                                           account.homeTenantId),
                                                        account.homeTenantId,
                                                        QString::fromUtf8(secret),
                                                        rotationWriter(account));
    case SignInMethod::ServicePrincipal:
        return std::make_shared<ClientSecretCredential>(tokenEndpoint(cloud),
                                                        account.homeTenantId,
                                                        account.clientId,
                                                        QString::fromUtf8(secret),
                                                        m_clock);
    case SignInMethod::AzureCli:
        break;
    }
    return std::make_shared<AzureCliCredential>(m_azProgram, account.homeTenantId, m_clock);
}

std::function<void(const QString &)> AccountManager::rotationWriter(const Account &account)
{
    QPointer<AccountManager> self(this);
    const QString id = account.id;
    const QString key = account.secretKey();
    return [self, id, key](const QString &refreshToken) {
        if (!self || refreshToken.isEmpty() || self->isSignedOut(id))
            return;
        // Only for an account that is still there (remembered or this session's): a rotation must
        // not bring back the secret of an account that was signed out in another process.
        Secrets::SecretStore *store = nullptr;
        if (self->m_sessionAccounts.contains(id))
            store = self->m_sessionSecrets;
        else if (self->m_store->account(id))
            store = self->m_secrets;
        if (store)
            self->writeSecret(store, key, refreshToken.toUtf8());
    };
}

void AccountManager::writeSecret(Secrets::SecretStore *store,
                                 const QString &key,
                                 const QByteArray &value)
{
    ++m_pendingWrites;
    Secrets::SecretJob *job = store->write(key, value);
    connect(job, &Secrets::SecretJob::finished, this, [this] { secretOperationDone(); });
    connect(job, &Secrets::SecretJob::failed, this, [this, key](const Secrets::SecretError &e) {
        qCWarning(lcIdentity).noquote() << "could not update the keychain entry" << key << ":"
                                        << Secrets::SecretError::kindName(e.kind);
        secretOperationDone();
    });
}

void AccountManager::removeSecret(
    Secrets::SecretStore *store,
    const QString &key,
    std::function<void(const std::optional<Secrets::SecretError> &)> done)
{
    ++m_pendingWrites;
    Secrets::SecretJob *job = store->remove(key);
    connect(job, &Secrets::SecretJob::finished, this, [this, done] {
        secretOperationDone();
        done(std::nullopt);
    });
    connect(job, &Secrets::SecretJob::failed, this, [this, done](const Secrets::SecretError &e) {
        secretOperationDone();
        done(e.kind == Secrets::SecretError::Kind::NotFound ? std::nullopt : std::optional(e));
    });
}

void AccountManager::secretOperationDone()
{
    if (--m_pendingWrites == 0)
        Q_EMIT secretWritesFinished();
}

void AccountManager::markNeedsSignIn(const QString &accountId, bool needsSignIn)
{
    if (m_sessionAccounts.contains(accountId)) {
        Account &a = m_sessionAccounts[accountId];
        if (a.needsSignIn == needsSignIn)
            return;
        a.needsSignIn = needsSignIn;
        Q_EMIT accountChanged(a);
        return;
    }
    std::optional<Account> a = m_store->account(accountId);
    if (!a || a->needsSignIn == needsSignIn)
        return;
    a->needsSignIn = needsSignIn;
    m_store->save(*a);
    Q_EMIT accountChanged(*a);
}

// ---- sign-in ------------------------------------------------------------------------------------

AccountOperation *AccountManager::signIn(SignInMethod method,
                                         const Arm::Cloud &cloud,
                                         const SignInOptions &options)
{
    auto *op = new AccountOperation(this);
    auto flow = std::make_shared<SignInFlow>();
    flow->op = op;
    flow->method = method;
    flow->cloud = cloud;
    flow->options = options;

    const QString problem = cloud.validate();
    if (!problem.isEmpty()) {
        op->fail(otherError(problem));
        return op;
    }
    if (!m_secrets && !options.sessionOnly) {
        op->fail(keychainError(Secrets::SecretError{Secrets::SecretError::Kind::NoBackend, {}, {}},
                               QCoreApplication::translate("Dps::Identity::AccountManager",
                                                           "No keychain is available. You can stay "
                                                           "signed in for this session only.")));
        return op;
    }
    const QString tenant = options.tenant.trimmed();
    if (!tenant.isEmpty() && !TokenEndpoint::isValidTenant(tenant)) {
        AuthError e;
        e.error = QStringLiteral("invalid_tenant");
        e.description = tenant;
        op->fail(signInError(e));
        return op;
    }

    QPointer<AccountManager> self(this);
    // Service principal and Azure CLI: the ARM token that proves the sign-in. Cancel on the operation
    // cancels the request, a failure fails the operation, and `onToken` runs only while both still live.
    auto firstToken = [self, flow, op, &cloud, &tenant](const std::shared_ptr<TokenCredential> &credential,
                                                         std::function<void(const AccessToken &)> onToken) {
        op->m_credential = credential; // owned by the operation, not only by its own callback
        TokenRequest request;
        request.scopes = {cloud.armScope};
        request.tenantId = tenant;
        request.cancellation = std::make_shared<Http::CancellationToken>();
        connect(op, &AccountOperation::cancelRequested, op, [c = request.cancellation] { c->cancel(); });
        credential->getToken(request,
                             [self, flow, onToken = std::move(onToken)](const std::optional<AccessToken> &token,
                                                                        const AuthError &error) {
                                 if (!self || !flow->op)
                                     return;
                                 if (!token) {
                                     flow->op->fail(signInError(error));
                                     return;
                                 }
                                 onToken(*token);
                             });
    };
    auto onUser = [self, flow](const SignInResult &r) {
        if (!self || !flow->op)
            return;
        if (r.refreshToken.isEmpty()) {
            flow->op->fail(otherError(QCoreApplication::translate(
                "Dps::Identity::AccountManager",
                "The sign-in service sent no refresh token (offline_access was not "
                "granted), so DPS Setup cannot stay signed in. Check the app "
                "registration's permissions.")));
            return;
        }
        Account a;
        a.method = flow->method;
        a.cloudName = flow->cloud.name;
        a.cloud = cloudToJson(flow->cloud);
        a.clientId = flow->options.clientId.isEmpty() ? self->defaultClientId()
                                                      : flow->options.clientId;
        a.homeTenantId = r.homeTenantId.isEmpty() ? r.tenantId : r.homeTenantId;
        a.username = r.username.isEmpty() ? r.objectId : r.username;
        a.displayName = r.displayName;
        a.objectId = r.objectId;
        self->finishSignIn(flow, a, r.refreshToken.toUtf8(), {});
    };
    auto onFailed = [flow](const AuthError &e) {
        if (flow->op)
            flow->op->fail(signInError(e));
    };

    switch (method) {
    case SignInMethod::Browser: {
        UrlOpener opener = options.opener ? options.opener
                           : m_opener     ? m_opener
                                          : UrlOpener([](const QUrl &) { return false; });
        auto *signIn = new BrowserSignIn(publicClientConfig(cloud,
                                                            options.clientId,
                                                            tenant,
                                                            options.loginHint),
                                         opener,
                                         op);
        if (options.browserTimeoutMs > 0)
            signIn->setTimeoutMs(options.browserTimeoutMs);
        connect(signIn, &BrowserSignIn::waitingForBrowser, op, &AccountOperation::waitingForBrowser);
        connect(signIn, &BrowserSignIn::finished, op, onUser);
        connect(signIn, &BrowserSignIn::failed, op, onFailed);
        connect(op, &AccountOperation::cancelRequested, signIn, &BrowserSignIn::cancel);
        // From the event loop, so the caller has connected to waitingForBrowser by then.
        QTimer::singleShot(0, signIn, &BrowserSignIn::start);
        break;
    }
    case SignInMethod::DeviceCode: {
        auto *signIn = new DeviceCodeSignIn(publicClientConfig(cloud,
                                                               options.clientId,
                                                               tenant,
                                                               options.loginHint),
                                            op);
        connect(signIn, &DeviceCodeSignIn::codeReady, op, &AccountOperation::codeReady);
        connect(signIn, &DeviceCodeSignIn::finished, op, onUser);
        connect(signIn, &DeviceCodeSignIn::failed, op, onFailed);
        connect(op, &AccountOperation::cancelRequested, signIn, &DeviceCodeSignIn::cancel);
        QTimer::singleShot(0, signIn, &DeviceCodeSignIn::start);
        break;
    }
    case SignInMethod::ServicePrincipal: {
        QStringList missing;
        if (tenant.isEmpty())
            missing << QCoreApplication::translate("Dps::Identity::AccountManager", "tenant ID");
        if (options.clientId.trimmed().isEmpty())
            missing << QCoreApplication::translate("Dps::Identity::AccountManager", "client ID");
        if (options.clientSecret.isEmpty())
            missing << QCoreApplication::translate("Dps::Identity::AccountManager", "client secret");
        if (!missing.isEmpty()) {
            op->fail(otherError(
                QCoreApplication::translate(
                    "Dps::Identity::AccountManager",
                    "A service principal needs a tenant ID, a client ID and a client secret; "
                    "missing: %1.")
                    .arg(missing.join(QStringLiteral(", ")))));
            return op;
        }
        auto credential = std::make_shared<ClientSecretCredential>(tokenEndpoint(cloud),
                                                                   tenant,
                                                                   options.clientId.trimmed(),
                                                                   options.clientSecret,
                                                                   m_clock);
        firstToken(credential, [self, flow, credential](const AccessToken &token) {
            const QJsonObject claims = jwtClaims(token.token);
            Account a;
            a.method = SignInMethod::ServicePrincipal;
            a.cloudName = flow->cloud.name;
            a.cloud = cloudToJson(flow->cloud);
            a.clientId = credential->clientId();
            a.homeTenantId = credential->defaultTenantId();
            a.username = credential->clientId();
            a.displayName = firstClaim(claims, {"app_displayname"});
            a.objectId = firstClaim(claims, {"oid"});
            self->finishSignIn(flow, a, flow->options.clientSecret.toUtf8(), credential);
        });
        break;
    }
    case SignInMethod::AzureCli: {
        if (!AzureCliCredential::isAvailable(options.azProgram)) {
            op->fail(otherError(QCoreApplication::translate(
                "Dps::Identity::AccountManager",
                "The Azure CLI (az) was not found. Install it and run \"az login\", or "
                "choose another way to sign in.")));
            return op;
        }
        m_azProgram = options.azProgram;
        auto credential = std::make_shared<AzureCliCredential>(options.azProgram, tenant, m_clock);
        firstToken(credential, [self, flow, credential](const AccessToken &token) {
            const QJsonObject claims = jwtClaims(token.token);
            Account a;
            a.method = SignInMethod::AzureCli;
            a.cloudName = flow->cloud.name;
            a.cloud = cloudToJson(flow->cloud);
            a.clientId = firstClaim(claims, {"appid", "azp"});
            a.homeTenantId = token.tenantId.isEmpty() ? firstClaim(claims, {"tid"}) : token.tenantId;
            a.username = firstClaim(claims, {"upn", "unique_name", "preferred_username", "email", "appid"});
            a.displayName = firstClaim(claims, {"name"});
            a.objectId = firstClaim(claims, {"oid"});
            if (a.username.isEmpty())
                a.username = QCoreApplication::translate("Dps::Identity::AccountManager", "Azure CLI login");
            self->finishSignIn(flow, a, {}, credential);
        });
        break;
    }
    }
    return op;
}

void AccountManager::finishSignIn(const std::shared_ptr<SignInFlow> &flow,
                                  Account account,
                                  const QByteArray &secret,
                                  std::shared_ptr<TokenCredential> credential)
{
    // A second sign-in of the same identity replaces the first (same id, so the same keychain entry).
    account.id.clear();
    for (const Account &existing : accounts()) {
        if (existing.sameIdentity(account)) {
            account.id = existing.id;
            break;
        }
    }
    if (account.id.isEmpty())
        account.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_signedOut.remove(account.id);
    flow->account = account;
    flow->secret = secret;
    flow->options.clientSecret.clear(); // flow->secret has it until a store takes it
    // User accounts go on with the refresh token (rotations written back); the others already have one.
    flow->credential = credential ? std::move(credential) : makeCredential(account, secret);

    const QString key = account.secretKey();
    if (flow->options.sessionOnly) {
        keepForSession(flow, secret);
        return;
    }
    if (key.isEmpty()) {
        remember(flow);
        return;
    }
    ++m_pendingWrites;
    Secrets::SecretJob *job = m_secrets->write(key, secret);
    connect(job, &Secrets::SecretJob::finished, this, [this, flow] {
        secretOperationDone();
        if (flow->op)
            remember(flow);
    });
    connect(job, &Secrets::SecretJob::failed, this, [this, flow](const Secrets::SecretError &e) {
        secretOperationDone();
        if (!flow->op)
            return;
        qCWarning(lcIdentity).noquote()
            << "the keychain refused the entry of account" << flow->account.id << ":"
            << Secrets::SecretError::kindName(e.kind);
        const QString message = keychainMessage(e);
        switch (flow->options.ifNoKeychain) {
        case SignInOptions::IfNoKeychain::Fail:
            flow->op->fail(keychainError(e, message));
            return;
        case SignInOptions::IfNoKeychain::SessionOnly:
            Q_EMIT flow->op->keychainUnavailable(e, message);
            if (flow->op)
                keepForSession(flow, flow->secret);
            return;
        case SignInOptions::IfNoKeychain::Ask:
            break;
        }
        QPointer<AccountOperation> op = flow->op;
        connect(op, &AccountOperation::sessionOnlyChosen, this, [this, flow] {
            if (flow->op)
                keepForSession(flow, flow->secret);
        });
        connect(op, &AccountOperation::cancelRequested, this, [flow, e, message] {
            if (flow->op)
                flow->op->fail(keychainError(e, message));
        });
        Q_EMIT op->keychainUnavailable(e, message);
        if (op && op->m_sessionOnlyChosen && !op->isDone())
            keepForSession(flow, flow->secret);
    });
}

void AccountManager::keepForSession(const std::shared_ptr<SignInFlow> &flow,
                                    const QByteArray &secret)
{
    if (flow->settled || !flow->op)
        return;
    flow->settled = true;
    Account account = flow->account;
    account.sessionOnly = true;
    account.needsSignIn = false;
    m_sessionAccounts.insert(account.id, account);
    const QString key = account.secretKey();
    if (!key.isEmpty())
        writeSecret(m_sessionSecrets, key, secret);
    flow->secret.clear();
    m_credentials.insert(account.id, flow->credential);
    qCInfo(lcIdentity).noquote() << "account" << account.id << "signed in for this session only";
    Q_EMIT signedIn(account);
    if (flow->op) {
        flow->op->m_credential = flow->credential;
        flow->op->complete(account);
    }
}

void AccountManager::remember(const std::shared_ptr<SignInFlow> &flow)
{
    if (flow->settled || !flow->op)
        return;
    flow->settled = true;
    Account account = flow->account;
    account.needsSignIn = false;
    account.sessionOnly = false;
    flow->secret.clear();
    m_sessionAccounts.remove(account.id);
    m_store->save(account);
    m_store->setLastUsed(account.id);
    m_credentials.insert(account.id, flow->credential);
    qCInfo(lcIdentity).noquote() << "account" << account.id << "signed in and remembered";
    Q_EMIT signedIn(account);
    flow->op->m_credential = flow->credential;
    flow->op->complete(account);
}

// ---- restore, tenants ---------------------------------------------------------------------------

std::shared_ptr<TokenCredential> AccountManager::credential(const Account &account)
{
    if (auto it = m_credentials.constFind(account.id); it != m_credentials.constEnd())
        return it.value();
    auto credential = std::make_shared<StoredCredential>(this, account);
    m_credentials.insert(account.id, credential);
    return credential;
}

AccountOperation *AccountManager::restore(const Account &account)
{
    auto *op = new AccountOperation(this);
    op->m_account = account;
    auto cred = credential(account);
    TokenRequest request;
    request.scopes = {account.toCloud().armScope};
    request.tenantId = account.homeTenantId;
    request.cancellation = std::make_shared<Http::CancellationToken>();
    connect(op, &AccountOperation::cancelRequested, op, [c = request.cancellation] { c->cancel(); });
    QPointer<AccountManager> self(this);
    QPointer<AccountOperation> guard(op);
    cred->getToken(request,
                   [self, guard, account, cred](const std::optional<AccessToken> &token,
                                                const AuthError &error) {
                       if (!guard)
                           return;
                       if (!token) {
                           guard->fail(restoreError(account, error));
                           return;
                       }
                       if (self)
                           self->markNeedsSignIn(account.id, false);
                       guard->m_credential = cred;
                       const std::optional<Account> current = self ? self->account(account.id)
                                                                   : std::nullopt;
                       guard->complete(current.value_or(account));
                   });
    return op;
}

AccountOperation *AccountManager::tenants(const Account &account)
{
    auto *op = new AccountOperation(this);
    op->m_account = account;
    const Arm::Cloud cloud = account.toCloud();
    auto cred = credential(account);
    op->m_credential = cred;
    auto pipeline = Http::makeArmPipeline(&m_nam, cred, pipelineOptions(cloud), m_clock);
    auto *client = new Arm::ArmClient(pipeline, cloud, m_clock, op);
    auto *service = new Services::AzureService(client, op);

    struct Run
    {
        QPointer<AccountOperation> op;
        QList<AccountTenant> tenants;
        int pending = 0;
        Http::CancellationTokenPtr cancellation = std::make_shared<Http::CancellationToken>();
    };
    auto run = std::make_shared<Run>();
    run->op = op;
    connect(op, &AccountOperation::cancelRequested, op, [run] {
        run->cancellation->cancel();
        if (run->op) {
            AccountError e;
            e.kind = AccountError::Kind::Cancelled;
            e.message = QCoreApplication::translate("Dps::Identity::AccountManager", "Cancelled.");
            run->op->fail(e);
        }
    });
    const QString home = account.homeTenantId;
    auto finishOne = [run, home] {
        if (--run->pending > 0 || !run->op)
            return;
        std::sort(run->tenants.begin(),
                  run->tenants.end(),
                  [&home](const AccountTenant &a, const AccountTenant &b) {
                      const bool aHome = a.tenantId.compare(home, Qt::CaseInsensitive) == 0;
                      const bool bHome = b.tenantId.compare(home, Qt::CaseInsensitive) == 0;
                      if (aHome != bHome)
                          return aHome;
                      return a.displayName.compare(b.displayName, Qt::CaseInsensitive) < 0;
                  });
        run->op->m_tenants = run->tenants;
        run->op->complete(run->op->account());
    };

    Services::onResult<QList<Arm::Tenant>>(
        service->listTenants(),
        op,
        [run, cred, service, cloud, finishOne](const QList<Arm::Tenant> &list) {
            run->tenants.reserve(list.size());
            for (const Arm::Tenant &t : list) {
                AccountTenant at;
                at.tenantId = t.tenantId;
                at.displayName = t.displayName;
                at.defaultDomain = t.defaultDomain;
                at.category = t.category;
                run->tenants.append(at);
            }
            run->pending = int(run->tenants.size()) + 1; // +1: this callback itself
            QPointer<Services::AzureService> guard(service);
            for (int i = 0; i < run->tenants.size(); ++i) {
                TokenRequest request;
                request.scopes = {cloud.armScope};
                request.tenantId = run->tenants.at(i).tenantId;
                request.cancellation = run->cancellation;
                cred->getToken(request,
                               [run, i, guard, finishOne](const std::optional<AccessToken> &token,
                                                          const AuthError &error) {
                                   if (!run->op || !guard)
                                       return;
                                   AccountTenant &t = run->tenants[i];
                                   if (!token) {
                                       t.state = error.isInteractionRequired()
                                                     ? AccountTenant::State::NeedsSignIn
                                                     : AccountTenant::State::Failed;
                                       t.message = error.userMessage();
                                       qCInfo(lcIdentity).noquote()
                                           << "tenant" << t.tenantId
                                           << "needs an interactive sign-in or failed:"
                                           << error.error << error.aadstsCodes;
                                       finishOne();
                                       return;
                                   }
                                   Services::onResult<QList<Arm::Subscription>>(
                                       guard->listSubscriptions(t.tenantId),
                                       run->op,
                                       [run, i, finishOne](const QList<Arm::Subscription> &subs) {
                                           run->tenants[i].subscriptions = subs;
                                           finishOne();
                                       },
                                       [run, i, finishOne](const Arm::ArmError &e) {
                                           AccountTenant &t = run->tenants[i];
                                           const AccountError ae = armError(e);
                                           t.state = ae.kind == AccountError::Kind::NeedsSignIn
                                                         ? AccountTenant::State::NeedsSignIn
                                                         : AccountTenant::State::Failed;
                                           t.message = e.userMessage();
                                           finishOne();
                                       });
                               });
            }
            finishOne();
        },
        [run, account](const Arm::ArmError &e) {
            if (!run->op)
                return;
            AccountError error = armError(e);
            if (error.kind == AccountError::Kind::NeedsSignIn)
                error.message = QCoreApplication::translate("Dps::Identity::AccountManager",
                                                            "%1: %2")
                                    .arg(account.label(), e.userMessage());
            run->op->fail(error);
        });
    return op;
}

// ---- sign-out -----------------------------------------------------------------------------------

void AccountManager::forget(const Account &account)
{
    m_store->remove(account.id);
    m_sessionAccounts.remove(account.id);
    m_credentials.remove(account.id);
    m_signedOut.insert(account.id);
}

AccountOperation *AccountManager::signOut(const Account &account)
{
    auto *op = new AccountOperation(this);
    op->m_account = account;
    const bool sessionOnly = account.sessionOnly || m_sessionAccounts.contains(account.id);
    Secrets::SecretStore *store = sessionOnly ? m_sessionSecrets : m_secrets.data();
    forget(account);
    qCInfo(lcIdentity).noquote() << "account" << account.id << "signed out";
    const QString key = account.secretKey();
    if (key.isEmpty() || !store) {
        Q_EMIT signedOut(account);
        op->complete(account);
        return op;
    }
    QPointer<AccountOperation> guard(op);
    QPointer<AccountManager> self(this);
    removeSecret(store, key, [self, guard, account](const std::optional<Secrets::SecretError> &e) {
        if (self)
            Q_EMIT self->signedOut(account);
        if (!guard)
            return;
        if (e) {
            guard->fail(
                keychainError(*e,
                              QCoreApplication::translate("Dps::Identity::AccountManager",
                                                          "%1 is signed out, but its saved sign-in "
                                                          "could not be deleted from "
                                                          "the keychain: %2")
                                  .arg(account.label(), e->userMessage())));
            return;
        }
        guard->complete(account);
    });
    return op;
}

AccountOperation *AccountManager::signOutAll()
{
    auto *op = new AccountOperation(this);
    const QList<Account> all = accounts();
    if (all.isEmpty()) {
        op->complete({});
        return op;
    }
    struct Run
    {
        int pending = 0;
        std::optional<AccountError> error;
    };
    auto run = std::make_shared<Run>();
    run->pending = int(all.size());
    QPointer<AccountOperation> guard(op);
    for (const Account &a : all) {
        AccountOperation *one = signOut(a);
        auto done = [run, guard] {
            if (--run->pending > 0 || !guard)
                return;
            if (run->error)
                guard->fail(*run->error);
            else
                guard->complete({});
        };
        connect(one, &AccountOperation::finished, this, [done] { done(); });
        connect(one, &AccountOperation::failed, this, [run, done](const AccountError &e) {
            if (!run->error)
                run->error = e;
            done();
        });
    }
    return op;
}

} // namespace Dps::Identity
