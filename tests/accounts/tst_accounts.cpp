// Remembered accounts (app/core/identity/AccountManager.h): AccountStore's settings round trip, and
// AccountManager against a real arm-sandbox process (demo world: alex@contoso.example in Contoso and
// Fabrikam) with a MemorySecretStore: browser and device-code sign-in, restore without a browser,
// rotated refresh tokens written back, tenants (an MFA tenant listed as needing sign-in), a revoked
// refresh token, sign-out, a service principal, the Azure CLI, and "this session only" when the
// keychain is unavailable.
#include "AccountsTestSupport.h"
#include "SandboxFixture.h"

#include "identity/AccountManager.h"
#include "secrets/MemorySecretStore.h"
#include "secrets/SecretStore.h"
#include "secrets/SecretStoreAvailability.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QProcess>
#include <QSslCertificate>

#include <gtest/gtest.h>

using namespace Dps;
using namespace Dps::Identity;
using namespace Dps::Test;

namespace {

std::string str(const QString &s)
{
    return s.toStdString();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Reads one secret from a store (waiting for the job); nullopt when there is none.
std::optional<QByteArray> readSecret(Secrets::SecretStore &store, const QString &key)
{
    auto result = std::make_shared<std::optional<std::optional<QByteArray>>>();
    Secrets::SecretJob *job = store.read(key);
    QObject context;
    QObject::connect(job, &Secrets::SecretJob::finished, &context, [result](const QByteArray &v) {
        *result = std::optional(v);
    });
    QObject::connect(job,
                     &Secrets::SecretJob::failed,
                     &context,
                     [result](const Secrets::SecretError &) {
                         *result = std::optional<QByteArray>();
                     });
    (void) QTest::qWaitFor([result] { return result->has_value(); }, 10000);
    return result->value_or(std::nullopt);
}

Account sampleAccount()
{
    Account a;
    a.id = QStringLiteral("5b0c7a52-0000-4000-8000-0000000000a1");
    a.method = SignInMethod::DeviceCode;
    Arm::Cloud cloud = Arm::Cloud::custom(QUrl(QStringLiteral("https://management.example.com/")),
                                          QUrl(QStringLiteral("https://login.example.com/")));
    a.cloudName = cloud.name;
    a.cloud = cloudToJson(cloud);
    a.clientId = kAzureCliClientId;
    a.homeTenantId = QStringLiteral("72f988bf-0000-4000-8000-00000000c011");
    a.username = QStringLiteral("alex@contoso.example");
    a.displayName = QStringLiteral("Alex Wilber");
    a.objectId = QStringLiteral("0a1b2c3d-0000-4000-8000-00000000a1e5");
    return a;
}

} // namespace

// ---- AccountStore -------------------------------------------------------------------------------

TEST(AccountStore, RoundTripsAccountsAndTheLastUsedOneWithoutSecrets)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("settings/dps-setup.ini"));
    Account user = sampleAccount();
    Account sp;
    sp.id = QStringLiteral("5b0c7a52-0000-4000-8000-0000000000b2");
    sp.method = SignInMethod::ServicePrincipal;
    sp.cloudName = QStringLiteral("AzureChinaCloud");
    sp.cloud = cloudToJson(Arm::Cloud::azureChina());
    sp.clientId = QStringLiteral("c0ffee00-0000-4000-8000-0000000005b1");
    sp.homeTenantId = QStringLiteral("b3a1d5e2-0000-4000-8000-0000000fab01");
    sp.username = sp.clientId;
    {
        AccountStore store(file);
        store.save(user);
        store.save(sp);
        store.setLastUsed(user.id);
        store.setClientId(QStringLiteral("11111111-2222-4333-8444-555555555555"));
        Account sessionOnly = sampleAccount();
        sessionOnly.id = QStringLiteral("never-saved");
        sessionOnly.sessionOnly = true;
        store.save(sessionOnly); // refused: a session-only account is never written
    }
    AccountStore again(file); // a new process reads the same file
    EXPECT_EQ(again.fileName(), file);
    const QList<Account> all = again.accounts();
    ASSERT_EQ(all.size(), 2);
    const Account readUser = *again.account(user.id);
    EXPECT_EQ(readUser.toJson(), user.toJson());
    EXPECT_EQ(readUser.method, SignInMethod::DeviceCode);
    EXPECT_EQ(readUser.objectId, user.objectId);
    EXPECT_FALSE(readUser.needsSignIn);
    EXPECT_TRUE(sameCloud(readUser.toCloud(), user.toCloud()));
    EXPECT_EQ(readUser.toCloud().armEndpoint,
              QUrl(QStringLiteral("https://management.example.com/")));
    const Account readSp = *again.account(sp.id);
    EXPECT_EQ(readSp.method, SignInMethod::ServicePrincipal);
    EXPECT_EQ(readSp.toCloud().kind, Arm::Cloud::Kind::China);
    EXPECT_EQ(readSp.toCloud().armScope, Arm::Cloud::azureChina().armScope);
    EXPECT_EQ(again.lastUsed()->id, user.id);
    EXPECT_EQ(again.clientId(), QStringLiteral("11111111-2222-4333-8444-555555555555"));
    EXPECT_FALSE(again.account(QStringLiteral("never-saved")));

    // Found by id or user name; with a cloud, only in that cloud.
    EXPECT_EQ(again.find(QStringLiteral("ALEX@contoso.example"))->id, user.id);
    EXPECT_EQ(again.find(sp.id)->id, sp.id);
    const Arm::Cloud china = Arm::Cloud::azureChina();
    EXPECT_FALSE(again.find(QStringLiteral("alex@contoso.example"), &china));
    EXPECT_TRUE(again.find(sp.clientId, &china));

    // Marked, then removed: the last-used pointer goes with it.
    Account marked = readUser;
    marked.needsSignIn = true;
    again.save(marked);
    EXPECT_TRUE(AccountStore(file).account(user.id)->needsSignIn);
    again.remove(user.id);
    EXPECT_FALSE(again.account(user.id));
    EXPECT_TRUE(again.lastUsedId().isEmpty());
    EXPECT_EQ(again.accounts().size(), 1);

    // What is in the file: endpoints and names, no secret-looking field.
    const QByteArray text = readFile(file);
    EXPECT_TRUE(text.contains("c0ffee00-0000-4000-8000-0000000005b1")) << text.constData();
    for (const char *word : {"secret", "refresh", "token", "password"})
        EXPECT_FALSE(text.toLower().contains(word)) << word << "\n" << text.constData();
}

TEST(AccountStore, ACaIsKeptOnlyForTheCustomCloudOrSandboxItWasGivenFor)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                   QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                   QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=DPS test CA"), QStringLiteral("-keyout"), dir.filePath(QStringLiteral("k.pem")),
                   QStringLiteral("-out"), dir.filePath(QStringLiteral("ca.pem"))});
    ASSERT_TRUE(openssl.waitForFinished(30000) && openssl.exitCode() == 0) << openssl.readAllStandardError().constData();
    const QList<QSslCertificate> ca = QSslCertificate::fromPath(dir.filePath(QStringLiteral("ca.pem")), QSsl::Pem);
    ASSERT_EQ(ca.size(), 1);

    // Given while signing in to Azure itself: used for that run, never kept (it would be trusted for
    // Azure's endpoints on every later run).
    for (Arm::Cloud azure : {Arm::Cloud::azurePublic(), Arm::Cloud::azureChina(), Arm::Cloud::azureUsGovernment()}) {
        azure.extraCaCertificates = ca;
        QJsonObject saved = cloudToJson(azure);
        EXPECT_FALSE(saved.contains(QStringLiteral("caCertificates"))) << azure.name.toStdString();
        EXPECT_TRUE(cloudFromJson(saved).extraCaCertificates.isEmpty());
        // Nor is one believed that was written into the file by hand.
        saved.insert(QStringLiteral("caCertificates"), QJsonArray{QString::fromLatin1(ca.first().toPem())});
        EXPECT_TRUE(cloudFromJson(saved).extraCaCertificates.isEmpty()) << azure.name.toStdString();
    }

    // A private cloud's own CA is part of it.
    Arm::Cloud custom = Arm::Cloud::custom(QUrl(QStringLiteral("https://management.contoso.example/")),
                                           QUrl(QStringLiteral("https://login.contoso.example/")));
    custom.extraCaCertificates = ca;
    EXPECT_EQ(cloudFromJson(cloudToJson(custom)).extraCaCertificates, ca);
}

TEST(AccountStore, KeepsAPrivateCloudsCertificateAndMatchesCloudsByEndpoint)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QJsonObject info{{QStringLiteral("armEndpoint"), QStringLiteral("http://127.0.0.1:4567/")},
                     {QStringLiteral("authorityHost"), QStringLiteral("http://127.0.0.1:4567/")},
                     {QStringLiteral("scope"),
                      QStringLiteral("https://management.azure.com/.default")}};
    const Arm::Cloud sandbox = Arm::Cloud::sandbox(info);
    const Arm::Cloud back = cloudFromJson(cloudToJson(sandbox));
    EXPECT_EQ(back.kind, Arm::Cloud::Kind::Sandbox);
    EXPECT_EQ(back.name, QStringLiteral("Sandbox"));
    EXPECT_TRUE(sameCloud(sandbox, back));
    info.insert(QStringLiteral("armEndpoint"), QStringLiteral("http://127.0.0.1:4568/"));
    EXPECT_FALSE(sameCloud(sandbox, Arm::Cloud::sandbox(info))); // another sandbox (port)
    EXPECT_FALSE(sameCloud(Arm::Cloud::azurePublic(), Arm::Cloud::azureUsGovernment()));
    EXPECT_TRUE(sameCloud(Arm::Cloud::azurePublic(),
                          cloudFromJson(cloudToJson(Arm::Cloud::azurePublic()))));

    for (SignInMethod m : {SignInMethod::Browser,
                           SignInMethod::DeviceCode,
                           SignInMethod::ServicePrincipal,
                           SignInMethod::AzureCli}) {
        SignInMethod back2 = SignInMethod::Browser;
        EXPECT_TRUE(methodFromName(methodName(m), &back2));
        EXPECT_EQ(back2, m);
    }
    EXPECT_FALSE(methodFromName(QStringLiteral("password"), nullptr));
}

// ---- AccountManager against the sandbox ---------------------------------------------------------

class AccountManagerTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        SandboxProcess::Options options;
        options.world = QStringLiteral("demo");
        options.extraArgs = {QStringLiteral("--device-code-interval"), QStringLiteral("1")};
        m_sandbox = std::make_unique<SandboxProcess>(options);
        QString error;
        ASSERT_TRUE(m_sandbox->start(&error)) << str(error);
        ASSERT_TRUE(m_dir.isValid());
        m_settings = m_dir.filePath(QStringLiteral("config/dps-setup.ini"));
        m_cloud = Arm::Cloud::sandbox(m_sandbox->info());
        m_secrets = std::make_unique<Secrets::MemorySecretStore>();
        m_manager = newManager(&m_browser);
    }

    std::unique_ptr<AccountManager> newManager(FetchingBrowser *browser,
                                               Secrets::SecretStore *secrets = nullptr)
    {
        auto manager = std::make_unique<AccountManager>(std::make_shared<AccountStore>(m_settings),
                                                        secrets ? secrets : m_secrets.get());
        if (browser)
            manager->setUrlOpener(browser->opener());
        return manager;
    }

    QString contoso() const { return m_sandbox->tenantId(0); }
    QString fabrikam() const { return m_sandbox->tenantId(1); }
    QUrl admin(const QString &path) const
    {
        return m_sandbox->baseUrl().resolved(QUrl(QStringLiteral("_sandbox/") + path));
    }

    Account signInWithBrowser(AccountManager &manager)
    {
        const OperationResult r = waitFor(manager.signIn(SignInMethod::Browser, m_cloud));
        EXPECT_TRUE(r.ok) << str(r.error.message) << "\n" << str(r.error.technicalDetails());
        return r.account;
    }

    QStringList sandboxRefreshTokens(bool liveOnly = false)
    {
        HttpClient client(m_sandbox.get());
        QStringList tokens;
        for (const auto &v : client.get(admin(QStringLiteral("state")))
                                 .json()
                                 .value(QStringLiteral("refreshTokens"))
                                 .toArray()) {
            const QJsonObject rt = v.toObject();
            if (!liveOnly || !rt.value(QStringLiteral("revoked")).toBool())
                tokens << rt.value(QStringLiteral("token")).toString();
        }
        return tokens;
    }

    std::unique_ptr<SandboxProcess> m_sandbox;
    QTemporaryDir m_dir;
    QString m_settings;
    Arm::Cloud m_cloud;
    std::unique_ptr<Secrets::MemorySecretStore> m_secrets;
    FetchingBrowser m_browser;
    std::unique_ptr<AccountManager> m_manager;
};

TEST_F(AccountManagerTest, BrowserSignInRemembersTheAccountAndANewManagerRestoresItWithoutABrowser)
{
    QSignalSpy signedIn(m_manager.get(), &AccountManager::signedIn);
    const Account account = signInWithBrowser(*m_manager);
    ASSERT_FALSE(account.id.isEmpty());
    EXPECT_EQ(m_browser.launches, 1);
    EXPECT_EQ(signedIn.count(), 1);
    EXPECT_EQ(account.username, QStringLiteral("alex@contoso.example"));
    EXPECT_EQ(account.displayName, QStringLiteral("Alex Wilber"));
    EXPECT_EQ(account.homeTenantId, contoso());
    EXPECT_EQ(account.method, SignInMethod::Browser);
    EXPECT_EQ(account.clientId, kAzureCliClientId);
    EXPECT_FALSE(account.sessionOnly);

    // Remembered (no secret), and the refresh token only in the secret store.
    AccountStore store(m_settings);
    ASSERT_TRUE(store.account(account.id));
    EXPECT_EQ(store.lastUsedId(), account.id);
    const QString key = Secrets::refreshTokenKey(contoso(), account.id);
    EXPECT_EQ(account.secretKey(), key);
    EXPECT_EQ(m_secrets->keys(), QStringList{key});
    const std::optional<QByteArray> rt = readSecret(*m_secrets, key);
    ASSERT_TRUE(rt && !rt->isEmpty());
    EXPECT_TRUE(sandboxRefreshTokens().contains(QString::fromUtf8(*rt)));
    const QByteArray settings = readFile(m_settings);
    EXPECT_TRUE(settings.contains("alex@contoso.example"));
    EXPECT_FALSE(settings.contains(*rt));

    // A new process (manager) restores it from the store: tokens for both tenants, no browser.
    FetchingBrowser secondBrowser;
    auto second = newManager(&secondBrowser);
    ASSERT_EQ(second->accounts().size(), 1);
    EXPECT_EQ(second->lastUsedAccount()->id, account.id);
    const OperationResult restored = waitFor(second->restore(*second->lastUsedAccount()));
    ASSERT_TRUE(restored.ok) << str(restored.error.message);
    ASSERT_TRUE(restored.credential);
    EXPECT_EQ(restored.credential->defaultTenantId(), contoso());
    const TokenResult fab = waitForToken(*restored.credential, fabrikam());
    ASSERT_TRUE(fab.token) << str(fab.error.userMessage());
    EXPECT_EQ(fab.token->tenantId, fabrikam());
    EXPECT_EQ(secondBrowser.launches, 0);

    // A second sign-in of the same user replaces the account (same id, same key).
    const Account again = signInWithBrowser(*m_manager);
    EXPECT_EQ(again.id, account.id);
    EXPECT_EQ(AccountStore(m_settings).accounts().size(), 1);
}

TEST_F(AccountManagerTest, RotatedRefreshTokensAreWrittenBackToTheStore)
{
    const Account account = signInWithBrowser(*m_manager);
    const QString key = account.secretKey();
    const QByteArray first = readSecret(*m_secrets, key).value_or(QByteArray());
    ASSERT_FALSE(first.isEmpty());
    auto credential = m_manager->credential(account);
    ASSERT_TRUE(waitForToken(*credential, fabrikam()).token);
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_manager->pendingSecretWrites() == 0; }, 5000));
    const QByteArray rotated = readSecret(*m_secrets, key).value_or(QByteArray());
    EXPECT_FALSE(rotated.isEmpty());
    EXPECT_NE(rotated, first);
    EXPECT_TRUE(sandboxRefreshTokens().contains(QString::fromUtf8(rotated)));
}

TEST_F(AccountManagerTest, ListsBothDemoTenantsAsReadyWithTheirSubscriptions)
{
    const Account account = signInWithBrowser(*m_manager);
    const OperationResult r = waitFor(m_manager->tenants(account));
    ASSERT_TRUE(r.ok) << str(r.error.message);
    ASSERT_EQ(r.tenants.size(), 2);
    EXPECT_EQ(r.tenants[0].tenantId, contoso()); // home first
    EXPECT_EQ(r.tenants[0].displayName, QStringLiteral("Contoso"));
    EXPECT_EQ(r.tenants[0].state, AccountTenant::State::Ready);
    EXPECT_EQ(r.tenants[0].subscriptions.size(), 2);
    EXPECT_EQ(r.tenants[1].tenantId, fabrikam());
    EXPECT_EQ(r.tenants[1].state, AccountTenant::State::Ready);
    ASSERT_EQ(r.tenants[1].subscriptions.size(), 1);
    EXPECT_EQ(r.tenants[1].subscriptions[0].displayName, QStringLiteral("Fabrikam Factory"));
    EXPECT_EQ(r.tenants[1].subscriptions[0].tenantId, fabrikam());
}

TEST_F(AccountManagerTest, ATenantThatDemandsMfaIsListedAsNeedingSignIn)
{
    const Account account = signInWithBrowser(*m_manager);
    HttpClient client(m_sandbox.get());
    ASSERT_EQ(client
                  .postJson(admin(QStringLiteral("tenants/") + fabrikam()),
                            QJsonObject{{QStringLiteral("requireMfa"), true}})
                  .status,
              200);
    const OperationResult r = waitFor(m_manager->tenants(account));
    ASSERT_TRUE(r.ok) << str(r.error.message);
    ASSERT_EQ(r.tenants.size(), 2); // listed, not dropped
    EXPECT_EQ(r.tenants[0].state, AccountTenant::State::Ready);
    EXPECT_EQ(r.tenants[0].subscriptions.size(), 2);
    EXPECT_EQ(r.tenants[1].tenantId, fabrikam());
    EXPECT_EQ(r.tenants[1].state, AccountTenant::State::NeedsSignIn);
    EXPECT_TRUE(r.tenants[1].message.contains(QStringLiteral("multi-factor")))
        << str(r.tenants[1].message);
    EXPECT_TRUE(r.tenants[1].subscriptions.isEmpty());
    // The account itself is fine.
    EXPECT_FALSE(AccountStore(m_settings).account(account.id)->needsSignIn);
}

TEST_F(AccountManagerTest, SigningInToTheMfaTenantMakesItReadyForTheSameAccount)
{
    const Account account = signInWithBrowser(*m_manager);
    HttpClient client(m_sandbox.get());
    ASSERT_EQ(client.postJson(admin(QStringLiteral("tenants/") + fabrikam()),
                              QJsonObject{{QStringLiteral("requireMfa"), true}})
                  .status,
              200);
    ASSERT_EQ(waitFor(m_manager->tenants(account)).tenants.value(1).state,
              AccountTenant::State::NeedsSignIn);
    // What "needs sign-in" asks for: an interactive sign-in to that tenant (which performs MFA).
    SignInOptions options;
    options.tenant = fabrikam();
    options.loginHint = account.username;
    const OperationResult again = waitFor(
        m_manager->signIn(SignInMethod::Browser, m_cloud, options));
    ASSERT_TRUE(again.ok) << str(again.error.message);
    EXPECT_EQ(again.account.id, account.id); // the same account, its home tenant unchanged
    EXPECT_EQ(again.account.homeTenantId, contoso());
    EXPECT_EQ(m_manager->accounts().size(), 1);
    const OperationResult r = waitFor(m_manager->tenants(again.account));
    ASSERT_TRUE(r.ok) << str(r.error.message);
    ASSERT_EQ(r.tenants.size(), 2);
    EXPECT_EQ(r.tenants[0].state, AccountTenant::State::Ready);
    EXPECT_EQ(r.tenants[1].state, AccountTenant::State::Ready) << str(r.tenants[1].message);
}

TEST_F(AccountManagerTest, ARevokedRefreshTokenFailsTheRestoreAndMarksTheAccount)
{
    const Account account = signInWithBrowser(*m_manager);
    HttpClient client(m_sandbox.get());
    ASSERT_EQ(client
                  .postJson(admin(QStringLiteral("refresh-tokens/revoke")),
                            QJsonObject{{QStringLiteral("username"),
                                         QStringLiteral("alex@contoso.example")}})
                  .status,
              200);
    FetchingBrowser browser;
    auto second = newManager(&browser);
    QSignalSpy changed(second.get(), &AccountManager::accountChanged);
    const OperationResult r = waitFor(second->restore(account));
    ASSERT_TRUE(r.done);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.error.kind, AccountError::Kind::NeedsSignIn);
    EXPECT_TRUE(r.error.message.contains(QStringLiteral("Sign in again"))) << str(r.error.message);
    EXPECT_TRUE(r.error.auth.hasCode(50173)) << str(r.error.technicalDetails());
    EXPECT_TRUE(AccountStore(m_settings).account(account.id)->needsSignIn);
    EXPECT_EQ(changed.count(), 1);
    EXPECT_EQ(browser.launches, 0);

    // Signing in again clears the mark.
    const Account again = signInWithBrowser(*second);
    EXPECT_EQ(again.id, account.id);
    EXPECT_FALSE(AccountStore(m_settings).account(account.id)->needsSignIn);
}

TEST_F(AccountManagerTest, SignOutRemovesTheAccountAndItsSecret)
{
    const Account account = signInWithBrowser(*m_manager);
    ASSERT_TRUE(m_secrets->contains(account.secretKey()));
    QSignalSpy signedOut(m_manager.get(), &AccountManager::signedOut);
    const OperationResult r = waitFor(m_manager->signOut(account));
    ASSERT_TRUE(r.ok) << str(r.error.message);
    EXPECT_EQ(signedOut.count(), 1);
    EXPECT_TRUE(m_manager->accounts().isEmpty());
    EXPECT_TRUE(AccountStore(m_settings).accounts().isEmpty());
    EXPECT_TRUE(AccountStore(m_settings).lastUsedId().isEmpty());
    EXPECT_TRUE(m_secrets->keys().isEmpty());
    // What the credential had is of no use to a new manager.
    auto second = newManager(nullptr);
    EXPECT_TRUE(second->accounts().isEmpty());
    const OperationResult restore = waitFor(second->restore(account));
    EXPECT_FALSE(restore.ok);
    EXPECT_EQ(restore.error.kind, AccountError::Kind::NeedsSignIn);
}

TEST_F(AccountManagerTest, SignOutAllForgetsEveryAccount)
{
    signInWithBrowser(*m_manager);
    const QJsonObject sp = m_sandbox->info().value(QStringLiteral("servicePrincipal")).toObject();
    SignInOptions options;
    options.tenant = sp.value(QStringLiteral("tenantId")).toString();
    options.clientId = sp.value(QStringLiteral("clientId")).toString();
    options.clientSecret = sp.value(QStringLiteral("clientSecret")).toString();
    ASSERT_TRUE(waitFor(m_manager->signIn(SignInMethod::ServicePrincipal, m_cloud, options)).ok);
    ASSERT_EQ(m_manager->accounts().size(), 2);
    ASSERT_EQ(m_secrets->keys().size(), 2);
    const OperationResult r = waitFor(m_manager->signOutAll());
    ASSERT_TRUE(r.ok) << str(r.error.message);
    EXPECT_TRUE(m_manager->accounts().isEmpty());
    EXPECT_TRUE(m_secrets->keys().isEmpty());
}

TEST_F(AccountManagerTest, DeviceCodeSignInShowsTheCodeAndRemembersTheAccount)
{
    AccountOperation *op = m_manager->signIn(SignInMethod::DeviceCode, m_cloud);
    QString userCode;
    QString message;
    QObject::connect(op,
                     &AccountOperation::codeReady,
                     op,
                     [&](const QString &code, const QUrl &, const QString &text, int) {
                         userCode = code;
                         message = text;
                         HttpClient client(m_sandbox.get());
                         client.postForm(m_sandbox->baseUrl().resolved(
                                             QUrl(QStringLiteral("devicelogin"))),
                                         {{QStringLiteral("user_code"), code},
                                          {QStringLiteral("username"),
                                           QStringLiteral("alex@contoso.example")},
                                          {QStringLiteral("action"), QStringLiteral("approve")}});
                     });
    const OperationResult r = waitFor(op);
    ASSERT_TRUE(r.ok) << str(r.error.message);
    EXPECT_FALSE(userCode.isEmpty());
    EXPECT_TRUE(message.contains(userCode));
    EXPECT_EQ(r.account.method, SignInMethod::DeviceCode);
    EXPECT_EQ(r.account.username, QStringLiteral("alex@contoso.example"));
    EXPECT_TRUE(m_secrets->contains(r.account.secretKey()));
    EXPECT_EQ(m_browser.launches, 0);
}

TEST_F(AccountManagerTest, ServicePrincipalKeepsItsSecretInTheStoreOnly)
{
    const QJsonObject sp = m_sandbox->info().value(QStringLiteral("servicePrincipal")).toObject();
    const QString secret = sp.value(QStringLiteral("clientSecret")).toString();
    SignInOptions options;
    options.tenant = sp.value(QStringLiteral("tenantId")).toString();
    options.clientId = sp.value(QStringLiteral("clientId")).toString();

    options.clientSecret = QStringLiteral("not-the-secret");
    const OperationResult wrong = waitFor(
        m_manager->signIn(SignInMethod::ServicePrincipal, m_cloud, options));
    ASSERT_TRUE(wrong.done);
    EXPECT_FALSE(wrong.ok);
    EXPECT_EQ(wrong.error.kind, AccountError::Kind::SignIn);
    EXPECT_TRUE(wrong.error.message.contains(QStringLiteral("secret"))) << str(wrong.error.message);
    EXPECT_TRUE(m_manager->accounts().isEmpty());
    EXPECT_TRUE(m_secrets->keys().isEmpty());

    options.clientSecret = secret;
    const OperationResult r = waitFor(
        m_manager->signIn(SignInMethod::ServicePrincipal, m_cloud, options));
    ASSERT_TRUE(r.ok) << str(r.error.message);
    EXPECT_EQ(r.account.method, SignInMethod::ServicePrincipal);
    EXPECT_EQ(r.account.username, options.clientId);
    EXPECT_EQ(r.account.homeTenantId, options.tenant);
    EXPECT_EQ(r.account.secretKey(), Secrets::clientSecretKey(options.tenant, options.clientId));
    EXPECT_EQ(readSecret(*m_secrets, r.account.secretKey()).value_or(QByteArray()), secret.toUtf8());
    EXPECT_FALSE(readFile(m_settings).contains(secret.toUtf8()));

    auto second = newManager(nullptr);
    const OperationResult restored = waitFor(second->restore(r.account));
    ASSERT_TRUE(restored.ok) << str(restored.error.message);
    const OperationResult tenants = waitFor(second->tenants(r.account));
    ASSERT_TRUE(tenants.ok) << str(tenants.error.message);
    ASSERT_EQ(tenants.tenants.size(), 1);
    EXPECT_EQ(tenants.tenants[0].state, AccountTenant::State::Ready);
    EXPECT_EQ(tenants.tenants[0].subscriptions.size(), 2);
}

TEST_F(AccountManagerTest, WithoutAKeychainTheUserStaysSignedInForThisSessionOnly)
{
    Secrets::MemorySecretStore broken;
    broken.setFailure(Secrets::SecretError{Secrets::SecretError::Kind::NoBackend,
                                           QStringLiteral("No Secret Service"),
                                           {}});
    FetchingBrowser browser;
    auto manager = newManager(&browser, &broken);

    // The probe says so before anyone signs in.
    bool probeFailed = false;
    Secrets::SecretStoreAvailability *probe = manager->probeKeychain();
    QObject::connect(probe,
                     &Secrets::SecretStoreAvailability::failed,
                     probe,
                     [&](const Secrets::SecretError &e) {
                         probeFailed = e.isKeychainUnavailable();
                     });
    ASSERT_TRUE(QTest::qWaitFor([&] { return probeFailed; }, 5000));

    const OperationResult r = waitFor(manager->signIn(SignInMethod::Browser, m_cloud),
                                      30000,
                                      [](AccountOperation *op) { op->stayForSessionOnly(); });
    ASSERT_TRUE(r.ok) << str(r.error.message);
    ASSERT_EQ(r.keychainMessages.size(), 1);
    EXPECT_TRUE(r.keychainMessages[0].contains(QStringLiteral("session only")))
        << str(r.keychainMessages[0]);
    EXPECT_TRUE(r.account.sessionOnly);
    ASSERT_TRUE(r.credential);
    EXPECT_TRUE(waitForToken(*r.credential, fabrikam()).token);
    // Known to this manager (restorable from memory), written nowhere.
    ASSERT_EQ(manager->accounts().size(), 1);
    EXPECT_TRUE(manager->accounts()[0].sessionOnly);
    const OperationResult restored = waitFor(manager->restore(manager->accounts()[0]));
    EXPECT_TRUE(restored.ok) << str(restored.error.message);
    EXPECT_TRUE(broken.keys().isEmpty());
    EXPECT_FALSE(QFile::exists(m_settings));
    EXPECT_TRUE(QDir(m_dir.path())
                    .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)
                    .isEmpty());
    EXPECT_TRUE(newManager(nullptr)->accounts().isEmpty()); // the next process knows nothing

    // Signing out of a session-only account works without the keychain.
    EXPECT_TRUE(waitFor(manager->signOut(manager->accounts()[0])).ok);
    EXPECT_TRUE(manager->accounts().isEmpty());

    // "Fail" instead of asking: a keychain error, nothing kept.
    SignInOptions failOptions;
    failOptions.ifNoKeychain = SignInOptions::IfNoKeychain::Fail;
    const OperationResult failed = waitFor(
        manager->signIn(SignInMethod::Browser, m_cloud, failOptions));
    ASSERT_TRUE(failed.done);
    EXPECT_FALSE(failed.ok);
    EXPECT_EQ(failed.error.kind, AccountError::Kind::Keychain);
    EXPECT_TRUE(manager->accounts().isEmpty());
}

TEST_F(AccountManagerTest, SessionOnlyByChoiceWritesNothing)
{
    SignInOptions options;
    options.sessionOnly = true;
    const OperationResult r = waitFor(m_manager->signIn(SignInMethod::Browser, m_cloud, options));
    ASSERT_TRUE(r.ok) << str(r.error.message);
    EXPECT_TRUE(r.account.sessionOnly);
    EXPECT_TRUE(r.keychainMessages.isEmpty());
    EXPECT_TRUE(m_secrets->keys().isEmpty());
    EXPECT_FALSE(QFile::exists(m_settings));
}

TEST_F(AccountManagerTest, AzureCliLoginIsRememberedWithoutASecret)
{
    // A stand-in for `az account get-access-token`: a token the sandbox mints for alex.
    const QString script = m_dir.filePath(QStringLiteral("az"));
    QFile f(script);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral("#!/bin/sh\n"
                           "tenant=%1\n"
                           "while [ $# -gt 0 ]; do case \"$1\" in --tenant) tenant=\"$2\"; shift;; "
                           "esac; shift; done\n"
                           "token=$(curl -s -X POST -H 'Content-Type: application/json' "
                           "-d "
                           "\"{\\\"username\\\":\\\"alex@contoso.example\\\",\\\"tenantId\\\":\\\"$"
                           "tenant\\\"}\" %2 "
                           "| sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')\n"
                           "printf "
                           "'{\"accessToken\":\"%s\",\"expires_on\":%s,\"tenant\":\"%s\","
                           "\"tokenType\":\"Bearer\"}\\n' "
                           "\"$token\" $(( $(date +%s) + 3600 )) \"$tenant\"\n")
                .arg(contoso(), admin(QStringLiteral("tokens")).toString())
                .toUtf8());
    f.close();
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    SignInOptions options;
    options.azProgram = script;
    const OperationResult r = waitFor(m_manager->signIn(SignInMethod::AzureCli, m_cloud, options));
    ASSERT_TRUE(r.ok) << str(r.error.message);
    EXPECT_EQ(r.account.method, SignInMethod::AzureCli);
    EXPECT_EQ(r.account.username, QStringLiteral("alex@contoso.example"));
    EXPECT_EQ(r.account.homeTenantId, contoso());
    EXPECT_TRUE(r.account.secretKey().isEmpty());
    EXPECT_TRUE(m_secrets->keys().isEmpty());
    ASSERT_TRUE(AccountStore(m_settings).account(r.account.id));

    auto second = newManager(nullptr);
    second->setAzureCliProgram(script);
    const OperationResult tenants = waitFor(second->tenants(r.account));
    ASSERT_TRUE(tenants.ok) << str(tenants.error.message);
    ASSERT_EQ(tenants.tenants.size(), 2);
    EXPECT_EQ(tenants.tenants[1].state, AccountTenant::State::Ready);
    EXPECT_EQ(tenants.tenants[1].subscriptions.size(), 1);

    SignInOptions missing;
    missing.azProgram = m_dir.filePath(QStringLiteral("no-such-az"));
    const OperationResult notFound = waitFor(
        m_manager->signIn(SignInMethod::AzureCli, m_cloud, missing));
    EXPECT_FALSE(notFound.ok);
    EXPECT_TRUE(notFound.error.message.contains(QStringLiteral("Azure CLI")))
        << str(notFound.error.message);
}

TEST_F(AccountManagerTest, ACancelledSignInFailsAsCancelledAndKeepsNothing)
{
    // The browser opens, but the user walks away.
    auto manager = std::make_unique<AccountManager>(std::make_shared<AccountStore>(m_settings),
                                                    m_secrets.get());
    manager->setUrlOpener([](const QUrl &) { return true; });
    AccountOperation *op = manager->signIn(SignInMethod::Browser, m_cloud);
    QObject::connect(op, &AccountOperation::waitingForBrowser, op, [op] {
        QTimer::singleShot(50, op, [op] { op->cancel(); });
    });
    const OperationResult r = waitFor(op, 10000);
    ASSERT_TRUE(r.done);
    EXPECT_EQ(r.error.kind, AccountError::Kind::Cancelled) << str(r.error.message);
    EXPECT_TRUE(manager->accounts().isEmpty());
    EXPECT_TRUE(m_secrets->keys().isEmpty());
}

TEST_F(AccountManagerTest, TheClientIdComesFromTheSettingOrTheOption)
{
    EXPECT_EQ(m_manager->defaultClientId(), kAzureCliClientId);
    const QString own = m_sandbox->info().value(QStringLiteral("publicClientId")).toString();
    AccountStore(m_settings).setClientId(QStringLiteral("00000000-0000-4000-8000-00000000dead"));
    EXPECT_EQ(m_manager->defaultClientId(), QStringLiteral("00000000-0000-4000-8000-00000000dead"));
    // Unknown to the sandbox: the sign-in says so (AADSTS700016).
    const OperationResult unknown = waitFor(m_manager->signIn(SignInMethod::DeviceCode, m_cloud));
    ASSERT_TRUE(unknown.done);
    EXPECT_FALSE(unknown.ok);
    EXPECT_TRUE(unknown.error.auth.hasCode(700016)) << str(unknown.error.technicalDetails());
    // The option wins over the setting.
    SignInOptions options;
    options.clientId = own;
    const OperationResult r = waitFor(m_manager->signIn(SignInMethod::Browser, m_cloud, options));
    ASSERT_TRUE(r.ok) << str(r.error.message);
    EXPECT_EQ(r.account.clientId, own);
}
