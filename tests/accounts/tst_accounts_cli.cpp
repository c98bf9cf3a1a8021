// `dps-setup login | logout | account list` and `setup` with a remembered account, end to end: the real
// executable, a real arm-sandbox process (demo world), and each test's own private D-Bus session with an
// unlocked gnome-keyring and a throwaway HOME/XDG tree (PrivateBus, as the keychain tests use). Every
// command runs as a fresh process without AZURE_* variables, so what one command remembers, the next
// must find in the settings file and the keychain. The leak test then looks for every token, secret and
// key that was used in every file of that HOME and in everything the commands printed.
#include "PrivateBus.h"
#include "SandboxFixture.h"

#include <QSslCertificate>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

using namespace Dps::Test;

namespace {

constexpr int kRunTimeoutMs = 30000;
const QString kUser = QStringLiteral("alex@contoso.example");

std::string str(const QString &s)
{
    return s.toStdString();
}

struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    std::string describe() const
    {
        return QStringLiteral("exit %1\n--- stdout\n%2\n--- stderr\n%3")
            .arg(exitCode)
            .arg(QString::fromUtf8(out), QString::fromUtf8(err))
            .toStdString();
    }
};

class AccountsCli : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_bus.isValid()) << str(m_bus.error());
        SandboxProcess::Options options;
        options.world = QStringLiteral("demo");
        options.extraArgs = {QStringLiteral("--device-code-interval"), QStringLiteral("1")};
        m_sandbox = std::make_unique<SandboxProcess>(options);
        QString error;
        ASSERT_TRUE(m_sandbox->start(&error)) << str(error);
        // The "system browser" of these tests: fetches the sign-in page and follows the redirect to
        // the app's loopback listener (the sandbox runs with --auto-approve).
        m_browser = QDir(m_sandbox->dir()).filePath(QStringLiteral("browser.sh"));
        QFile script(m_browser);
        ASSERT_TRUE(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\nexec curl -s -L -o /dev/null --max-time 20 \"$1\"\n");
        script.close();
        script.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner
                              | QFileDevice::ExeOwner);
    }

    void startKeyring()
    {
        ASSERT_TRUE(m_bus.startKeyring("dps-accounts-test-keyring")) << str(m_bus.error());
    }

    QString infoFile() const
    {
        return QDir(m_sandbox->dir()).filePath(QStringLiteral("info.json"));
    }
    QStringList sandboxArgs() const
    {
        return {QStringLiteral("--cloud"),
                QStringLiteral("sandbox"),
                QStringLiteral("--sandbox-info"),
                infoFile()};
    }
    QString contoso() const { return m_sandbox->tenantId(0); }
    QString fabrikam() const { return m_sandbox->tenantId(1); }
    QString fabrikamSubscription() const { return m_sandbox->subscriptionId(2); }
    QJsonObject servicePrincipal() const
    {
        return m_sandbox->info().value(QStringLiteral("servicePrincipal")).toObject();
    }
    QUrl admin(const QString &path) const
    {
        return m_sandbox->baseUrl().resolved(QUrl(QStringLiteral("_sandbox/") + path));
    }

    // A fresh process's environment: the private bus and HOME, no Azure variables, no browser.
    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = m_bus.environment();
        for (const char *name : {"AZURE_TENANT_ID",
                                 "AZURE_CLIENT_ID",
                                 "AZURE_CLIENT_SECRET",
                                 "AZURE_AUTHORITY_HOST",
                                 "DPS_SETUP_BROWSER",
                                 "DPS_SETUP_DATA_DIR",
                                 "QT_LOGGING_RULES"})
            env.remove(QLatin1String(name));
        return env;
    }

    std::unique_ptr<QProcess> start(const QStringList &args, const QProcessEnvironment &env) const
    {
        auto p = std::make_unique<QProcess>();
        p->setProcessEnvironment(env);
        p->start(QStringLiteral(DPS_SETUP_PATH), args);
        EXPECT_TRUE(p->waitForStarted(10000)) << str(p->errorString());
        return p;
    }

    CliResult finish(QProcess &p, QByteArray errSoFar = {}) const
    {
        CliResult r;
        if (!p.waitForFinished(kRunTimeoutMs)) {
            p.kill();
            p.waitForFinished(5000);
            r.exitCode = -2;
        } else {
            r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -3;
        }
        r.out = p.readAllStandardOutput();
        r.err = errSoFar + p.readAllStandardError();
        m_outputs << r.out << r.err;
        return r;
    }

    CliResult run(const QStringList &args,
                  const QProcessEnvironment &env,
                  const QByteArray &input = {}) const
    {
        auto p = start(args, env);
        if (!input.isNull()) {
            p->write(input);
            p->closeWriteChannel();
        }
        return finish(*p);
    }
    CliResult run(const QStringList &args) const { return run(args, environment()); }

    // `login --device-code`: reads the code from stderr and approves it on the sandbox's /devicelogin page.
    CliResult deviceCodeLogin(const QStringList &extra = {})
    {
        auto p = start(QStringList{QStringLiteral("login"), QStringLiteral("--device-code")}
                           + sandboxArgs() + extra,
                       environment());
        QByteArray err;
        static const QRegularExpression code(QStringLiteral("enter the code ([A-Z0-9]+)"));
        QString userCode;
        (void) QTest::qWaitFor(
            [&] {
                err += p->readAllStandardError();
                const auto m = code.match(QString::fromUtf8(err));
                if (m.hasMatch())
                    userCode = m.captured(1);
                return !userCode.isEmpty() || p->state() == QProcess::NotRunning;
            },
            kRunTimeoutMs);
        EXPECT_FALSE(userCode.isEmpty()) << err.constData();
        if (!userCode.isEmpty()) {
            HttpClient client(m_sandbox.get());
            const HttpResult approved = client.postForm(m_sandbox->baseUrl().resolved(
                                                            QUrl(QStringLiteral("devicelogin"))),
                                                        {{QStringLiteral("user_code"), userCode},
                                                         {QStringLiteral("username"), kUser},
                                                         {QStringLiteral("action"),
                                                          QStringLiteral("approve")}});
            EXPECT_EQ(approved.status, 200);
        }
        return finish(*p, err);
    }

    CliResult browserLogin(const QStringList &extra = {})
    {
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("DPS_SETUP_BROWSER"), m_browser);
        return run(QStringList{QStringLiteral("login"), QStringLiteral("--browser")} + sandboxArgs()
                       + extra,
                   env);
    }

    QStringList setupArgs(const QString &suffix, const QString &subscription) const
    {
        return {QStringLiteral("setup"),
                QStringLiteral("--subscription"),
                subscription,
                QStringLiteral("--resource-group"),
                QStringLiteral("rg-") + suffix,
                QStringLiteral("--location"),
                QStringLiteral("northeurope"),
                QStringLiteral("--dps"),
                QStringLiteral("dps-") + suffix,
                QStringLiteral("--hub"),
                QStringLiteral("hub-") + suffix};
    }

    QJsonObject sandboxState() const
    {
        return HttpClient(m_sandbox.get()).get(admin(QStringLiteral("state"))).json();
    }

    // `secret-tool lookup` in the private session: what the keychain holds under a QtKeychain key.
    QByteArray keychainLookup(const QString &key) const
    {
        QProcess tool;
        tool.setProcessEnvironment(m_bus.environment());
        tool.start(QStringLiteral("secret-tool"),
                   {QStringLiteral("lookup"),
                    QStringLiteral("server"),
                    QStringLiteral("dps-setup"),
                    QStringLiteral("user"),
                    key});
        tool.waitForFinished(10000);
        return tool.readAllStandardOutput();
    }

    // Files of the private HOME (config, data, cache, keyrings), relative to it.
    QStringList homeFiles() const { return filesUnder(m_bus.home()); }

    PrivateBus m_bus;
    std::unique_ptr<SandboxProcess> m_sandbox;
    QString m_browser;
    mutable QList<QByteArray> m_outputs; // everything every command printed
};

QJsonArray accountsOf(const CliResult &r)
{
    return r.json().value(QStringLiteral("accounts")).toArray();
}

QJsonObject tenantById(const QJsonArray &tenants, const QString &id)
{
    for (const auto &t : tenants) {
        if (t.toObject().value(QStringLiteral("tenantId")).toString() == id)
            return t.toObject();
    }
    return {};
}

} // namespace

TEST_F(AccountsCli, DeviceCodeLoginIsUsedByAFreshSetupUntilLogout)
{
    startKeyring();
    const CliResult login = deviceCodeLogin({QStringLiteral("--json")});
    ASSERT_EQ(login.exitCode, 0) << login.describe();
    EXPECT_TRUE(login.err.contains("Signed in as alex@contoso.example")) << login.describe();
    const QJsonObject signedIn = login.json();
    EXPECT_EQ(signedIn.value(QStringLiteral("status")).toString(), QStringLiteral("signed-in"));
    EXPECT_EQ(signedIn.value(QStringLiteral("account"))
                  .toObject()
                  .value(QStringLiteral("username"))
                  .toString(),
              kUser);
    EXPECT_EQ(signedIn.value(QStringLiteral("tenants")).toArray().size(), 2) << login.describe();

    const CliResult list = run(
        {QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--json")});
    ASSERT_EQ(list.exitCode, 0) << list.describe();
    const QJsonArray accounts = accountsOf(list);
    ASSERT_EQ(accounts.size(), 1) << list.describe();
    const QJsonObject account = accounts[0].toObject();
    EXPECT_EQ(account.value(QStringLiteral("username")).toString(), kUser);
    EXPECT_EQ(account.value(QStringLiteral("method")).toString(), QStringLiteral("device-code"));
    EXPECT_TRUE(account.value(QStringLiteral("lastUsed")).toBool());
    EXPECT_FALSE(account.value(QStringLiteral("needsSignIn")).toBool());
    const QJsonArray tenants = account.value(QStringLiteral("tenants")).toArray();
    ASSERT_EQ(tenants.size(), 2) << list.describe();
    EXPECT_EQ(tenantById(tenants, contoso()).value(QStringLiteral("state")).toString(),
              QStringLiteral("ready"));
    EXPECT_EQ(tenantById(tenants, fabrikam()).value(QStringLiteral("state")).toString(),
              QStringLiteral("ready"));
    EXPECT_EQ(tenantById(tenants, fabrikam()).value(QStringLiteral("subscriptions")).toArray().size(),
              1);
    const QString accountId = account.value(QStringLiteral("id")).toString();
    const QString rtKey = QStringLiteral("dps/%1/%2/refresh-token").arg(contoso(), accountId);
    EXPECT_FALSE(keychainLookup(rtKey).isEmpty());

    // A fresh process, no AZURE_* variables, not even --cloud: the remembered account and its cloud.
    // Fabrikam's subscription: only the user reaches it (the sandbox's service principal lives in
    // Contoso), so success proves the user's refresh token from the keychain did the work.
    const int rtsBefore = sandboxState().value(QStringLiteral("refreshTokens")).toArray().size();
    const CliResult setup = run(setupArgs(QStringLiteral("acc"), fabrikamSubscription())
                                + QStringList{QStringLiteral("--json")});
    ASSERT_EQ(setup.exitCode, 0) << setup.describe();
    EXPECT_EQ(setup.json().value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"))
        << setup.describe();
    EXPECT_TRUE(setup.err.contains("Using the remembered account alex@contoso.example"))
        << setup.describe();
    EXPECT_TRUE(setup.err.contains(fabrikam().toUtf8())) << setup.describe();
    EXPECT_GT(sandboxState().value(QStringLiteral("refreshTokens")).toArray().size(),
              rtsBefore); // redeemed (rotated)

    // `show` with the sandbox named explicitly finds the same account (same cloud).
    const CliResult show = run(QStringList{QStringLiteral("show")} + sandboxArgs()
                               + QStringList{QStringLiteral("--subscription"),
                                             fabrikamSubscription(),
                                             QStringLiteral("--resource-group"),
                                             QStringLiteral("rg-acc"),
                                             QStringLiteral("--dps"),
                                             QStringLiteral("dps-acc"),
                                             QStringLiteral("--json")});
    ASSERT_EQ(show.exitCode, 0) << show.describe();
    EXPECT_EQ(show.json().value(QStringLiteral("linkedHubs")).toArray().size(), 1)
        << show.describe();

    // `list` covers every tenant of the account.
    const CliResult all = run({QStringLiteral("list"), QStringLiteral("--json")});
    ASSERT_EQ(all.exitCode, 0) << all.describe();
    QStringList hubs;
    for (const auto &h : all.json().value(QStringLiteral("iotHubs")).toArray())
        hubs << h.toObject().value(QStringLiteral("name")).toString();
    EXPECT_TRUE(hubs.contains(QStringLiteral("hub-acc"))) << all.describe();
    EXPECT_TRUE(hubs.contains(QStringLiteral("contoso-hub-weu"))) << all.describe();

    // A tenant that starts demanding MFA is listed as needing sign-in, not dropped.
    HttpClient client(m_sandbox.get());
    ASSERT_EQ(client
                  .postJson(admin(QStringLiteral("tenants/") + fabrikam()),
                            QJsonObject{{QStringLiteral("requireMfa"), true}})
                  .status,
              200);
    const CliResult mfa = run(
        {QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--json")});
    ASSERT_EQ(mfa.exitCode, 0) << mfa.describe();
    const QJsonArray mfaTenants
        = accountsOf(mfa)[0].toObject().value(QStringLiteral("tenants")).toArray();
    ASSERT_EQ(mfaTenants.size(), 2) << mfa.describe();
    EXPECT_EQ(tenantById(mfaTenants, fabrikam()).value(QStringLiteral("state")).toString(),
              QStringLiteral("needs-sign-in"))
        << mfa.describe();
    EXPECT_TRUE(tenantById(mfaTenants, fabrikam())
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("multi-factor")));
    const CliResult text = run({QStringLiteral("account"), QStringLiteral("list")});
    EXPECT_TRUE(text.out.contains("needs sign-in")) << text.describe();

    // Logout forgets the account and deletes the keychain entry.
    const CliResult logout = run({QStringLiteral("logout")});
    ASSERT_EQ(logout.exitCode, 0) << logout.describe();
    EXPECT_TRUE(logout.err.contains("Signed out alex@contoso.example")) << logout.describe();
    EXPECT_TRUE(keychainLookup(rtKey).isEmpty());
    EXPECT_TRUE(
        accountsOf(
            run({QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--json")}))
            .isEmpty());

    // Now setup has no identity: exit 3 and what to do.
    const CliResult after = run(setupArgs(QStringLiteral("acc2"), fabrikamSubscription()));
    EXPECT_EQ(after.exitCode, 3) << after.describe();
    EXPECT_TRUE(after.err.contains("dps-setup login")) << after.describe();
    const CliResult named = run(setupArgs(QStringLiteral("acc2"), fabrikamSubscription())
                                + QStringList{QStringLiteral("--account"), kUser});
    EXPECT_EQ(named.exitCode, 3) << named.describe();
    EXPECT_TRUE(named.err.contains("No remembered account matches")) << named.describe();
}

TEST_F(AccountsCli, ARevokedSignInMakesSetupFailWithSignInAgain)
{
    startKeyring();
    const CliResult login = browserLogin({QStringLiteral("--no-tenants")});
    ASSERT_EQ(login.exitCode, 0) << login.describe();
    EXPECT_TRUE(login.err.contains("/oauth2/v2.0/authorize?"))
        << login.describe(); // the address, for a manual open
    HttpClient client(m_sandbox.get());
    ASSERT_EQ(client
                  .postJson(admin(QStringLiteral("refresh-tokens/revoke")),
                            QJsonObject{{QStringLiteral("username"), kUser}})
                  .status,
              200);

    const CliResult setup = run(setupArgs(QStringLiteral("rev"), m_sandbox->subscriptionId(0)));
    EXPECT_EQ(setup.exitCode, 3) << setup.describe();
    EXPECT_TRUE(setup.err.contains("Sign in again")) << setup.describe();
    const CliResult list = run(
        {QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--json")});
    ASSERT_EQ(list.exitCode, 0) << list.describe();
    EXPECT_TRUE(accountsOf(list)[0].toObject().value(QStringLiteral("needsSignIn")).toBool())
        << list.describe();

    // Signing in again fixes it.
    ASSERT_EQ(browserLogin({QStringLiteral("--no-tenants")}).exitCode, 0);
    const CliResult again = run(setupArgs(QStringLiteral("rev"), m_sandbox->subscriptionId(0)));
    EXPECT_EQ(again.exitCode, 0) << again.describe();
}

// The next start of the desktop app (issue 9) with a remembered account whose sign-in was revoked: the
// real app, offscreen, on the same keychain; it shows its first page with the account chosen, and using
// it says to sign in again instead of failing silently or opening a browser by itself.
TEST_F(AccountsCli, TheAppStartedWithARevokedRememberedAccountAsksForANewSignIn)
{
    startKeyring();
    ASSERT_EQ(browserLogin({QStringLiteral("--no-tenants")}).exitCode, 0);
    HttpClient client(m_sandbox.get());
    ASSERT_EQ(client.postJson(admin(QStringLiteral("refresh-tokens/revoke")), QJsonObject{{QStringLiteral("username"), kUser}})
                  .status,
              200);

    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("DPS_SETUP_REPORT_STATE"), QStringLiteral("1"));
    const QString opened = QDir(m_sandbox->dir()).filePath(QStringLiteral("browser-opened"));
    const QString browser = QDir(m_sandbox->dir()).filePath(QStringLiteral("browser-note.sh"));
    {
        QFile script(browser);
        ASSERT_TRUE(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\necho \"$1\" >> '" + opened.toUtf8() + "'\n");
        script.close();
        script.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    env.insert(QStringLiteral("DPS_SETUP_BROWSER"), browser);
    auto app = start({}, env);
    QByteArray err;
    auto waitFor = [&](const QByteArray &needle) {
        return QTest::qWaitFor([&] {
            err += app->readAllStandardError();
            return err.contains(needle) || app->state() == QProcess::NotRunning;
        }, kRunTimeoutMs) && err.contains(needle);
    };
    ASSERT_TRUE(waitFor("dps-setup: page SignIn")) << err.constData();
    app->write("click useAccountButton\n");
    EXPECT_TRUE(waitFor("ign in again")) << err.constData();
    EXPECT_FALSE(err.contains("dps-setup: cannot")) << err.constData(); // the account was chosen already
    EXPECT_FALSE(err.contains("dps-setup: page Subscription")) << err.constData();
    EXPECT_EQ(app->state(), QProcess::Running) << err.constData();
    EXPECT_FALSE(QFile::exists(opened)) << "a browser was opened without being asked";
    app->terminate();
    app->waitForFinished(10000);
}

TEST_F(AccountsCli, WithoutAKeychainLoginSaysSoAndSessionOnlyRemembersNothing)
{
    // No keyring on this bus: no Secret Service.
    const CliResult login = run(
        QStringList{QStringLiteral("login"), QStringLiteral("--device-code")} + sandboxArgs());
    EXPECT_EQ(login.exitCode, 3) << login.describe();
    EXPECT_TRUE(login.err.contains("keychain")) << login.describe();
    EXPECT_TRUE(login.err.contains("--session-only")) << login.describe();
    EXPECT_FALSE(login.err.contains("enter the code"))
        << login.describe(); // said before anyone typed anything

    const CliResult session = deviceCodeLogin(
        {QStringLiteral("--session-only"), QStringLiteral("--no-tenants")});
    EXPECT_EQ(session.exitCode, 0) << session.describe();
    EXPECT_TRUE(session.err.contains("Nothing was remembered")) << session.describe();
    EXPECT_TRUE(homeFiles().isEmpty()) << str(homeFiles().join(QLatin1Char('\n')));
    const CliResult setup = run(setupArgs(QStringLiteral("none"), m_sandbox->subscriptionId(0)));
    EXPECT_EQ(setup.exitCode, 3) << setup.describe();
}

TEST_F(AccountsCli, ACaGivenAtLoginStaysWithItsCustomCloudAndAccountListShowsIt)
{
    startKeyring();
    // A private cloud over TLS with its own CA: a second sandbox, serving HTTPS.
    SandboxProcess::Options options;
    options.tls = true;
    SandboxProcess tls(options);
    QString error;
    ASSERT_TRUE(tls.start(&error)) << str(error);
    const QString base = tls.baseUrl().toString();
    ASSERT_TRUE(base.startsWith(QLatin1String("https://"))) << str(base);
    const QJsonObject sp = tls.info().value(QStringLiteral("servicePrincipal")).toObject();
    const QStringList custom{QStringLiteral("--cloud"), QStringLiteral("custom"), QStringLiteral("--arm-endpoint"), base,
                             QStringLiteral("--authority"), base};

    // Without its CA the cloud's certificate is refused, and nothing is remembered.
    const QStringList login{QStringLiteral("login"), QStringLiteral("--service-principal"), QStringLiteral("--tenant"),
                            sp.value(QStringLiteral("tenantId")).toString(), QStringLiteral("--client-id"),
                            sp.value(QStringLiteral("clientId")).toString(), QStringLiteral("--no-tenants")};
    const QByteArray secret = sp.value(QStringLiteral("clientSecret")).toString().toUtf8() + "\n";
    const CliResult refused = run(login + custom, environment(), secret);
    EXPECT_NE(refused.exitCode, 0) << refused.describe();
    EXPECT_TRUE(refused.err.contains("certificate")) << refused.describe();

    const CliResult ok = run(login + custom + QStringList{QStringLiteral("--ca-cert"), tls.caCertificatePath()},
                             environment(), secret);
    ASSERT_EQ(ok.exitCode, 0) << ok.describe();

    // account list names the CA the account relies on (subject and fingerprint), in text and JSON.
    const QSslCertificate ca = QSslCertificate::fromPath(tls.caCertificatePath(), QSsl::Pem).value(0);
    ASSERT_FALSE(ca.isNull());
    const QString fingerprint = QString::fromLatin1(ca.digest(QCryptographicHash::Sha256).toHex(':'));
    const CliResult text = run({QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--no-tenants")});
    ASSERT_EQ(text.exitCode, 0) << text.describe();
    EXPECT_TRUE(text.out.contains("trusts the CA 127.0.0.1 (SHA-256 " + fingerprint.toLatin1() + ")")) << text.describe();
    const CliResult json = run({QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--no-tenants"),
                                QStringLiteral("--json")});
    ASSERT_EQ(json.exitCode, 0) << json.describe();
    const QJsonArray trusted = accountsOf(json)[0].toObject().value(QStringLiteral("trustedCertificates")).toArray();
    ASSERT_EQ(trusted.size(), 1) << json.describe();
    EXPECT_TRUE(trusted[0].toString().contains(fingerprint)) << json.describe();

    // Later runs reach that cloud with the remembered CA, without --ca-cert.
    const CliResult list = run({QStringLiteral("list"), QStringLiteral("--json")});
    EXPECT_EQ(list.exitCode, 0) << list.describe();
}

TEST_F(AccountsCli, LoginExitCodesTellTryLaterFromSignInAgain)
{
    startKeyring();
    const QJsonObject sp = servicePrincipal();
    const QStringList login = QStringList{QStringLiteral("login"), QStringLiteral("--service-principal"), QStringLiteral("--tenant"),
                                          sp.value(QStringLiteral("tenantId")).toString(), QStringLiteral("--client-id"),
                                          sp.value(QStringLiteral("clientId")).toString(), QStringLiteral("--no-tenants")}
                              + sandboxArgs();
    const QByteArray secret = sp.value(QStringLiteral("clientSecret")).toString().toUtf8() + "\n";
    HttpClient client(m_sandbox.get());

    // The token endpoint is down: not a wrong sign-in, try later -> 1.
    ASSERT_EQ(client.postJson(admin(QStringLiteral("faults")),
                              QJsonObject{{QStringLiteral("path"), QStringLiteral("/oauth2/v2.0/token")},
                                          {QStringLiteral("status"), 503},
                                          {QStringLiteral("count"), -1}})
                  .status,
              201);
    const CliResult down = run(login, environment(), secret);
    EXPECT_EQ(down.exitCode, 1) << down.describe();
    client.send("DELETE", admin(QStringLiteral("faults")));

    // A wrong secret: sign in again -> 3.
    const CliResult wrong = run(login, environment(), "obviously-wrong-test-secret\n");
    EXPECT_EQ(wrong.exitCode, 3) << wrong.describe();

    const CliResult ok = run(login, environment(), secret);
    EXPECT_EQ(ok.exitCode, 0) << ok.describe();
}

TEST_F(AccountsCli, NothingSecretLeaksIntoFilesOrOutput)
{
    startKeyring();
    const QJsonObject sp = servicePrincipal();
    const QString spSecret = sp.value(QStringLiteral("clientSecret")).toString();
    ASSERT_FALSE(spSecret.isEmpty());

    // A service principal (secret on standard input, as from a secret manager) and a user (browser).
    const CliResult spLogin = run(QStringList{QStringLiteral("login"),
                                              QStringLiteral("--service-principal"),
                                              QStringLiteral("--tenant"),
                                              sp.value(QStringLiteral("tenantId")).toString(),
                                              QStringLiteral("--client-id"),
                                              sp.value(QStringLiteral("clientId")).toString(),
                                              QStringLiteral("--verbose")}
                                      + sandboxArgs(),
                                  environment(),
                                  spSecret.toUtf8() + "\n");
    ASSERT_EQ(spLogin.exitCode, 0) << spLogin.describe();
    const CliResult userLogin = browserLogin(
        {QStringLiteral("--verbose"), QStringLiteral("--json")});
    ASSERT_EQ(userLogin.exitCode, 0) << userLogin.describe();
    const QString accountId = userLogin.json()
                                  .value(QStringLiteral("account"))
                                  .toObject()
                                  .value(QStringLiteral("id"))
                                  .toString();
    ASSERT_FALSE(accountId.isEmpty()) << userLogin.describe();

    // A full setup with the user's account, then everything else that reads.
    const CliResult setup = run(
        setupArgs(QStringLiteral("leak"), fabrikamSubscription())
        + QStringList{QStringLiteral("--json"), QStringLiteral("--verbose")});
    ASSERT_EQ(setup.exitCode, 0) << setup.describe();
    EXPECT_TRUE(setup.err.contains("Using the remembered account alex@contoso.example"))
        << setup.describe();
    for (const QStringList &args :
         {QStringList{QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--verbose")},
          QStringList{QStringLiteral("show"),
                      QStringLiteral("--subscription"),
                      fabrikamSubscription(),
                      QStringLiteral("--resource-group"),
                      QStringLiteral("rg-leak"),
                      QStringLiteral("--dps"),
                      QStringLiteral("dps-leak"),
                      QStringLiteral("--verbose")},
          QStringList{QStringLiteral("account"),
                      QStringLiteral("list"),
                      QStringLiteral("--json"),
                      QStringLiteral("--verbose")},
          QStringList{QStringLiteral("account"), QStringLiteral("list")}}) {
        const CliResult r = run(args);
        EXPECT_EQ(r.exitCode, 0) << r.describe();
    }

    // Every secret that was in play: refresh tokens, device and authorization codes, the token
    // signing key, the service principal's secret, and the keys of the hub and the DPS just created.
    QList<QPair<QString, QByteArray>> secrets;
    const QJsonObject state = sandboxState();
    QStringList refreshTokens;
    for (const auto &v : state.value(QStringLiteral("refreshTokens")).toArray()) {
        refreshTokens << v.toObject().value(QStringLiteral("token")).toString();
        secrets.append({QStringLiteral("refresh token"), refreshTokens.last().toUtf8()});
    }
    ASSERT_GE(refreshTokens.size(), 2);
    for (const auto &v : state.value(QStringLiteral("authCodes")).toArray())
        secrets.append({QStringLiteral("authorization code"),
                        v.toObject().value(QStringLiteral("code")).toString().toUtf8()});
    for (const auto &v : state.value(QStringLiteral("deviceCodes")).toArray())
        secrets.append({QStringLiteral("device code"),
                        v.toObject().value(QStringLiteral("deviceCode")).toString().toUtf8()});
    secrets.append({QStringLiteral("signing key"),
                    state.value(QStringLiteral("signingKey")).toString().toUtf8()});
    secrets.append({QStringLiteral("service principal secret"), spSecret.toUtf8()});
    HttpClient client(m_sandbox.get());
    const QJsonObject minted = client
                                   .postJson(admin(QStringLiteral("tokens")),
                                             QJsonObject{{QStringLiteral("username"), kUser},
                                                         {QStringLiteral("tenantId"), fabrikam()}})
                                   .json();
    client.setBearer(minted.value(QStringLiteral("access_token")).toString());
    const QString rg = QStringLiteral(
                           "/subscriptions/%1/resourceGroups/rg-leak/providers/Microsoft.Devices/")
                           .arg(fabrikamSubscription());
    int keys = 0;
    for (const auto &[path, apiVersion] :
         {std::pair{rg + QStringLiteral("IotHubs/hub-leak/listkeys"), QStringLiteral("2023-06-30")},
          std::pair{rg + QStringLiteral("provisioningServices/dps-leak/listkeys"),
                    QStringLiteral("2022-12-12")}}) {
        const HttpResult listed = client.send("POST", client.arm(path, apiVersion));
        ASSERT_EQ(listed.status, 200) << listed.body.constData();
        for (const auto &v : listed.json().value(QStringLiteral("value")).toArray()) {
            for (const char *field : {"primaryKey", "secondaryKey"}) {
                secrets.append({QStringLiteral("key"),
                                v.toObject().value(QLatin1String(field)).toString().toUtf8()});
                ++keys;
            }
        }
    }
    EXPECT_GE(keys, 4);

    // The search covers the whole private HOME: settings, data (a run journal, while a setup runs),
    // cache, and the keyring.
    const QStringList files = homeFiles();
    EXPECT_TRUE(files.contains(QStringLiteral(".config/dps-setup/dps-setup.ini")))
        << str(files.join(QLatin1Char('\n')));
    EXPECT_TRUE(files.contains(QStringLiteral(".local/share/keyrings/login.keyring")))
        << str(files.join(QLatin1Char('\n')));
    const QByteArray output = m_outputs.join('\n');
    ASSERT_TRUE(output.contains("Using the remembered account")); // the outputs were collected
    for (const auto &[what, value] : std::as_const(secrets)) {
        if (value.size() < 8)
            continue;
        const QStringList hits = filesContaining(m_bus.home(), value);
        EXPECT_TRUE(hits.isEmpty())
            << str(what) << " found in " << str(hits.join(QStringLiteral(", ")));
        EXPECT_FALSE(output.contains(value)) << str(what);
    }
    // Access and id tokens are JWTs: none anywhere.
    static const QRegularExpression jwt(
        QStringLiteral("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\."));
    EXPECT_FALSE(jwt.match(QString::fromUtf8(output)).hasMatch())
        << str(jwt.match(QString::fromUtf8(output)).captured());
    for (const QString &f : files) {
        QFile file(QDir(m_bus.home()).filePath(f));
        ASSERT_TRUE(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        EXPECT_FALSE(jwt.match(QString::fromLatin1(content)).hasMatch()) << str(f);
        EXPECT_FALSE(content.contains("eyJ0eXAi") || content.contains("eyJhbGci"))
            << str(f); // JWT headers
    }

    // And the secrets are where they belong: in the keychain (encrypted on disk, as checked above).
    const auto decoded = [](const QByteArray &stored) {
        return stored + '\n' + QByteArray::fromBase64(stored.trimmed());
    };
    const QByteArray storedRt = decoded(
        keychainLookup(QStringLiteral("dps/%1/%2/refresh-token").arg(contoso(), accountId)));
    EXPECT_TRUE(std::any_of(refreshTokens.begin(), refreshTokens.end(), [&](const QString &rt) {
        return storedRt.contains(rt.toUtf8());
    }));
    const QByteArray storedSecret = decoded(
        keychainLookup(QStringLiteral("dps/%1/%2/client-secret")
                           .arg(sp.value(QStringLiteral("tenantId")).toString(),
                                sp.value(QStringLiteral("clientId")).toString())));
    EXPECT_TRUE(storedSecret.contains(spSecret.toUtf8()));
}
