// The sign-in flows of SignIn.h over the real path (STYLE.md section 11): BrowserSignIn with a browser
// that fetches the authorize URL and follows the redirect to the app's loopback listener (or fills in
// the sign-in page like a person), DeviceCodeSignIn approved on the real /devicelogin page,
// RefreshTokenCredential across tenants (expiry, revocation, MFA) and driving the ARM pipeline, all
// against real arm-sandbox processes over HTTP and HTTPS; AzureCliCredential against fake `az`
// scripts. No token, code, verifier or refresh token may reach the log.
#include "FakeClock.h"
#include "FakeTransport.h"
#include "LogCapture.h"
#include "SandboxFixture.h"

#include "http/Policies.h"
#include "identity/SignIn.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkInterface>
#include <QNetworkReply>
#include <QPointer>
#include <QRegularExpression>
#include <QSet>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <gtest/gtest.h>

#include <iostream>
#include <iterator>
#include <memory>
#include <optional>

using namespace Dps;
using namespace Dps::Identity;
using Dps::Test::FakeClock;
using Dps::Test::HttpClient;
using Dps::Test::HttpResult;
using Dps::Test::LogCapture;
using Dps::Test::SandboxProcess;

namespace {

const QString kArmScope = QStringLiteral("https://management.azure.com/.default");
const QString kContoso = QStringLiteral("72f988bf-0000-4000-8000-00000000c011");
const QString kFabrikam = QStringLiteral("b3a1d5e2-0000-4000-8000-0000000fab01");
const QString kAlex = QStringLiteral("alex@contoso.example");
const QString kAlexOid = QStringLiteral("0a1b2c3d-0000-4000-8000-00000000a1e5");

std::string str(const QString &s)
{
    return s.toStdString();
}

QJsonObject claims(const QString &jwt)
{
    const QStringList parts = jwt.split(QLatin1Char('.'));
    if (parts.size() != 3)
        return {};
    return QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(1).toLatin1(), QByteArray::Base64UrlEncoding))
        .object();
}

QString queryValue(const QUrl &url, const QString &key)
{
    return QUrlQuery(url).queryItemValue(key, QUrl::FullyDecoded);
}

QString htmlUnescape(QString s)
{
    s.replace(QLatin1String("&quot;"), QLatin1String("\""));
    s.replace(QLatin1String("&lt;"), QLatin1String("<"));
    s.replace(QLatin1String("&gt;"), QLatin1String(">"));
    s.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return s;
}

// The app's redirect goes to http://localhost:PORT/; the sandbox itself answers on 127.0.0.1.
bool isAppHost(const QUrl &url)
{
    return url.host() == QLatin1String("localhost");
}

// The system browser, as far as a sign-in needs one: fetches what it is given, follows redirects
// (also the last one, to the app's loopback listener), and, when Entra shows its sign-in page, fills
// it in and presses a button like a person. Asynchronous, like a real browser next to the app.
class FakeBrowser : public QObject
{
public:
    struct Visit
    {
        QByteArray method;
        QUrl url;
        int status = 0;
        QByteArray body;
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
    };

    explicit FakeBrowser(QList<QSslCertificate> trusted = {})
        : m_trusted(std::move(trusted))
    {}

    QString username = kAlex;
    QString action = QStringLiteral("approve"); // the button pressed on the sign-in page
    bool askForFavicon = false;                 // GET /favicon.ico of the app's page first, as browsers do
    std::function<QUrl(const QUrl &)> rewriteRedirect; // tampers with the redirect to the app

    UrlOpener opener()
    {
        return [this](const QUrl &url) {
            opened.append(url);
            QMetaObject::invokeMethod(this, [this, url] { get(url); }, Qt::QueuedConnection);
            return true;
        };
    }

    // The browser's request to the app's listener (the redirect), if it made one.
    std::optional<Visit> callback() const
    {
        for (const Visit &v : visits) {
            if (isAppHost(v.url) && v.url.path() == QLatin1String("/"))
                return v;
        }
        return std::nullopt;
    }

    QList<QUrl> opened;
    QList<Visit> visits;
    bool done = false;

private:
    void get(const QUrl &url) { send("GET", url, {}); }

    void send(const QByteArray &method, const QUrl &url, const QByteArray &body)
    {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        if (!m_trusted.isEmpty()) {
            QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
            ssl.addCaCertificates(m_trusted);
            request.setSslConfiguration(ssl);
        }
        if (method == "POST")
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
        connect(reply, &QNetworkReply::finished, this, [this, reply, method, url] {
            reply->deleteLater();
            Visit visit;
            visit.method = method;
            visit.url = url;
            visit.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            visit.body = reply->readAll();
            visit.error = reply->error();
            visits.append(visit);
            onPage(visit, reply->rawHeader("Location"));
        });
    }

    void onPage(const Visit &visit, const QByteArray &location)
    {
        if (visit.status >= 300 && visit.status < 400 && !location.isEmpty()) {
            QUrl next = visit.url.resolved(QUrl::fromEncoded(location));
            if (isAppHost(next) && rewriteRedirect)
                next = rewriteRedirect(next);
            if (isAppHost(next) && askForFavicon) {
                askForFavicon = false;
                QUrl favicon = next.adjusted(QUrl::RemoveQuery | QUrl::RemovePath);
                favicon.setPath(QStringLiteral("/favicon.ico"));
                m_afterFavicon = next;
                get(favicon);
                return;
            }
            get(next);
            return;
        }
        if (!m_afterFavicon.isEmpty()) {
            const QUrl next = m_afterFavicon;
            m_afterFavicon.clear();
            get(next);
            return;
        }
        static const QRegularExpression formRe(QStringLiteral("<form method=\"POST\" action=\"([^\"]*)\""));
        const auto form = formRe.match(QString::fromUtf8(visit.body));
        if (visit.status == 200 && !isAppHost(visit.url) && form.hasMatch()) {
            // The sign-in page: its hidden fields, the user name, the button.
            QList<QPair<QString, QString>> fields;
            static const QRegularExpression hidden(
                QStringLiteral("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">"));
            auto it = hidden.globalMatch(QString::fromUtf8(visit.body));
            while (it.hasNext()) {
                const auto m = it.next();
                fields.append({htmlUnescape(m.captured(1)), htmlUnescape(m.captured(2))});
            }
            fields.append({QStringLiteral("username"), username});
            fields.append({QStringLiteral("action"), action});
            send("POST", visit.url.resolved(QUrl(htmlUnescape(form.captured(1)))), TokenEndpoint::formBody(fields));
            return;
        }
        done = true;
    }

    QNetworkAccessManager m_nam;
    QList<QSslCertificate> m_trusted;
    QUrl m_afterFavicon;
};

// What a one-shot flow emitted.
struct Outcome
{
    std::optional<SignInResult> result;
    std::optional<AuthError> error;
    int signals = 0;
    bool done() const { return signals > 0; }
    std::string describe() const
    {
        return error ? str(error->error + QStringLiteral(": ") + error->userMessage()) : std::string("finished");
    }
};

template<typename Flow>
std::shared_ptr<Outcome> watch(Flow *flow)
{
    auto outcome = std::make_shared<Outcome>();
    QObject::connect(flow, &Flow::finished, flow, [outcome](const SignInResult &r) {
        outcome->result = r;
        ++outcome->signals;
    });
    QObject::connect(flow, &Flow::failed, flow, [outcome](const AuthError &e) {
        outcome->error = e;
        ++outcome->signals;
    });
    return outcome;
}

struct TokenOutcome
{
    std::optional<AccessToken> token;
    AuthError error;
    bool done = false;
};

std::shared_ptr<TokenOutcome> requestToken(TokenCredential &credential, const QString &tenant = {},
                                           bool force = false, const QString &scope = kArmScope)
{
    auto outcome = std::make_shared<TokenOutcome>();
    TokenRequest request;
    request.scopes = {scope};
    request.tenantId = tenant;
    request.forceRefresh = force;
    credential.getToken(request, [outcome](const std::optional<AccessToken> &token, const AuthError &error) {
        EXPECT_FALSE(outcome->done) << "getToken answered twice";
        outcome->token = token;
        outcome->error = error;
        outcome->done = true;
    });
    return outcome;
}

std::shared_ptr<TokenOutcome> getToken(TokenCredential &credential, const QString &tenant = {},
                                       bool force = false, const QString &scope = kArmScope)
{
    auto outcome = requestToken(credential, tenant, force, scope);
    EXPECT_TRUE(QTest::qWaitFor([&] { return outcome->done; }, 20000));
    return outcome;
}

// Can something connect to `address`:`port` right now?
bool accepts(const QHostAddress &address, quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(address, port);
    const bool connected = socket.waitForConnected(2000);
    socket.abort();
    return connected;
}

quint16 redirectPort(const QUrl &authorizeUrl)
{
    return quint16(QUrl(queryValue(authorizeUrl, QStringLiteral("redirect_uri"))).port());
}

class SignIn : public ::testing::Test
{
protected:
    static SandboxProcess::Options demo(bool autoApprove = true, QStringList extraArgs = {})
    {
        SandboxProcess::Options o;
        o.world = QStringLiteral("demo");
        o.autoApprove = autoApprove;
        o.extraArgs = std::move(extraArgs);
        return o;
    }

    // A FakeClock for the flows and the token endpoint (call before start()); it starts at the real
    // time so the sandbox's answers line up with it.
    void useFakeClock()
    {
        m_fakeClock = std::make_shared<FakeClock>(QDateTime::currentMSecsSinceEpoch());
        m_clock = m_fakeClock;
    }

    void start(SandboxProcess::Options options = demo())
    {
        m_sandbox = std::make_unique<SandboxProcess>(options);
        QString error;
        ASSERT_TRUE(m_sandbox->start(&error)) << str(error);
        m_admin = std::make_unique<HttpClient>(m_sandbox.get());
        if (!m_sandbox->caCertificatePath().isEmpty())
            m_options.extraCa = QSslCertificate::fromPath(m_sandbox->caCertificatePath(), QSsl::Pem);
        m_options.extraCaOrigins = {m_sandbox->baseUrl()};
        m_options.defaultScope = kArmScope;
        m_anonymous = Http::makeAnonymousPipeline(&m_nam, m_options);
        m_endpoint = std::make_shared<TokenEndpoint>(m_anonymous, authorityHost(), m_clock);
    }

    QUrl authorityHost() const
    {
        return QUrl(m_sandbox->info().value(QStringLiteral("authorityHost")).toString());
    }

    PublicClientConfig config() const
    {
        PublicClientConfig c;
        c.authorityHost = authorityHost();
        c.endpoint = m_endpoint;
        c.clock = m_clock;
        return c;
    }

    QUrl url(const QString &path) const
    {
        QUrl u = m_sandbox->baseUrl();
        u.setPath(path);
        return u;
    }

    QJsonObject sandboxState() const { return m_admin->get(url(QStringLiteral("/_sandbox/state"))).json(); }

    // What reached the sandbox's token endpoint: one status per request.
    QList<int> tokenStatuses() const
    {
        QList<int> out;
        const QJsonArray log = m_admin->get(url(QStringLiteral("/_sandbox/requests"))).json().value(QStringLiteral("value")).toArray();
        for (const QJsonValue &e : log) {
            const QJsonObject o = e.toObject();
            if (o.value(QStringLiteral("method")).toString() == QLatin1String("POST")
                && o.value(QStringLiteral("path")).toString().endsWith(QLatin1String("/oauth2/v2.0/token")))
                out.append(o.value(QStringLiteral("status")).toInt());
        }
        return out;
    }

    void advanceSandboxClock(int seconds)
    {
        const HttpResult r = m_admin->postJson(url(QStringLiteral("/_sandbox/clock")),
                                               QJsonObject{{QStringLiteral("advanceSeconds"), seconds}});
        ASSERT_EQ(r.status, 200) << r.body.constData();
    }

    // The person at /devicelogin: opens the page, enters the code, presses approve or decline.
    void answerDeviceCode(const QString &userCode, const QUrl &verificationUri, const QString &action)
    {
        QUrl page = verificationUri;
        page.setQuery(QStringLiteral("otc=") + userCode);
        const HttpResult shown = m_admin->get(page);
        ASSERT_EQ(shown.status, 200) << shown.body.constData();
        static const QRegularExpression formRe(QStringLiteral("<form method=\"POST\" action=\"([^\"]*)\""));
        const QString action_ = htmlUnescape(formRe.match(QString::fromUtf8(shown.body)).captured(1));
        ASSERT_EQ(action_, QStringLiteral("/devicelogin"));
        const HttpResult answered = m_admin->postForm(verificationUri.resolved(QUrl(action_)),
                                                      {{QStringLiteral("user_code"), userCode},
                                                       {QStringLiteral("username"), kAlex},
                                                       {QStringLiteral("action"), action}});
        ASSERT_EQ(answered.status, 200) << answered.body.constData();
    }

    // A complete browser sign-in (auto-approve sandbox).
    SignInResult signInWithBrowser()
    {
        FakeBrowser browser(m_options.extraCa);
        auto *flow = new BrowserSignIn(config(), browser.opener());
        auto outcome = watch(flow);
        flow->start();
        EXPECT_TRUE(QTest::qWaitFor([&] { return outcome->done(); }, 20000));
        EXPECT_TRUE(outcome->result) << outcome->describe();
        return outcome->result.value_or(SignInResult());
    }

    std::shared_ptr<FakeClock> m_fakeClock;
    std::shared_ptr<Http::Clock> m_clock = Http::SystemClock::instance();
    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<HttpClient> m_admin;
    QNetworkAccessManager m_nam;
    Http::PipelineOptions m_options;
    std::shared_ptr<Http::Pipeline> m_anonymous;
    std::shared_ptr<TokenEndpoint> m_endpoint;
};

} // namespace

// ---------------------------------------------------------------------------------------------
// Browser: authorization code + PKCE with a loopback redirect

TEST_F(SignIn, BrowserFlowSignsInWithPkceThroughTheLoopbackRedirect)
{
    ASSERT_NO_FATAL_FAILURE(start());
    LogCapture log;
    FakeBrowser browser;
    browser.askForFavicon = true;
    auto *flow = new BrowserSignIn(config(), browser.opener());
    QPointer<BrowserSignIn> alive(flow);
    QList<QUrl> shown;
    QObject::connect(flow, &BrowserSignIn::waitingForBrowser, flow, [&](const QUrl &u) { shown.append(u); });
    auto outcome = watch(flow);
    flow->start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return outcome->done(); }, 20000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return browser.done; }, 20000)); // its last page loaded
    ASSERT_TRUE(outcome->result) << outcome->describe();

    const SignInResult &r = *outcome->result;
    EXPECT_EQ(r.username, kAlex);
    EXPECT_EQ(r.displayName, QStringLiteral("Alex Wilber"));
    EXPECT_EQ(r.objectId, kAlexOid);
    EXPECT_EQ(r.tenantId, kContoso);
    EXPECT_EQ(r.homeTenantId, kContoso);
    EXPECT_FALSE(r.refreshToken.isEmpty());
    EXPECT_EQ(r.accessToken.tenantId, kContoso);
    EXPECT_EQ(claims(r.accessToken.token).value(QStringLiteral("tid")).toString(), kContoso);
    EXPECT_EQ(claims(r.accessToken.token).value(QStringLiteral("aud")).toString(), QStringLiteral("https://management.azure.com"));
    EXPECT_GT(r.accessToken.expiresOnMs, QDateTime::currentMSecsSinceEpoch() + 50 * 60 * 1000);

    // The authorize request: PKCE S256, a 32-byte state, the loopback redirect, the ARM + OIDC scopes.
    ASSERT_EQ(shown.size(), 1);
    EXPECT_EQ(browser.opened, shown);
    const QUrl authorize = shown.first();
    EXPECT_EQ(authorize.path(), QStringLiteral("/organizations/oauth2/v2.0/authorize"));
    EXPECT_EQ(queryValue(authorize, QStringLiteral("client_id")), kAzureCliClientId);
    EXPECT_EQ(queryValue(authorize, QStringLiteral("response_type")), QStringLiteral("code"));
    EXPECT_EQ(queryValue(authorize, QStringLiteral("scope")),
              QStringLiteral("https://management.azure.com/.default offline_access openid profile"));
    EXPECT_EQ(queryValue(authorize, QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
    const QString challenge = queryValue(authorize, QStringLiteral("code_challenge"));
    EXPECT_EQ(challenge.size(), 43);
    const QString state = queryValue(authorize, QStringLiteral("state"));
    EXPECT_EQ(state.size(), 43);
    const QString redirectUri = queryValue(authorize, QStringLiteral("redirect_uri"));
    EXPECT_TRUE(QRegularExpression(QStringLiteral("^http://localhost:\\d+/$")).match(redirectUri).hasMatch()) << str(redirectUri);

    // The sandbox saw the S256 challenge, and the code was redeemed (with the verifier that matches it).
    bool redeemed = false;
    for (const QJsonValue &c : sandboxState().value(QStringLiteral("authCodes")).toArray()) {
        const QJsonObject code = c.toObject();
        if (code.value(QStringLiteral("codeChallenge")).toString() != challenge)
            continue;
        EXPECT_EQ(code.value(QStringLiteral("codeChallengeMethod")).toString(), QStringLiteral("S256"));
        EXPECT_EQ(code.value(QStringLiteral("redirectUri")).toString(), redirectUri);
        redeemed = code.value(QStringLiteral("redeemed")).toBool();
    }
    EXPECT_TRUE(redeemed);

    // The browser: a 404 for the favicon, then the page for the redirect.
    bool favicon404 = false;
    for (const auto &v : browser.visits)
        favicon404 = favicon404 || (v.url.path() == QLatin1String("/favicon.ico") && v.status == 404);
    EXPECT_TRUE(favicon404);
    const auto callback = browser.callback();
    ASSERT_TRUE(callback);
    EXPECT_EQ(callback->status, 200);
    EXPECT_TRUE(callback->body.contains("Signed in to DPS Setup. You can close this tab.")) << callback->body.constData();
    const QString code = queryValue(callback->url, QStringLiteral("code"));
    EXPECT_FALSE(code.isEmpty());

    // One callback only: the listener is gone. The flow emitted once and deleted itself.
    EXPECT_FALSE(accepts(QHostAddress::LocalHost, redirectPort(authorize)));
    EXPECT_TRUE(QTest::qWaitFor([&] { return alive.isNull(); }, 2000));
    EXPECT_EQ(outcome->signals, 1);

    for (const QString &secret : {r.accessToken.token, r.refreshToken, code, state}) {
        ASSERT_FALSE(secret.isEmpty());
        EXPECT_FALSE(log.contains(secret)) << "leaked into the log: " << str(secret.left(12));
    }
    // The PKCE verifier never leaves the flow but in the token request's body: nothing as long as a
    // verifier (43 base64url characters) shows up in any line.
    ASSERT_FALSE(log.lines(QStringLiteral("dps.identity")).isEmpty());
    static const QRegularExpression longRun(QStringLiteral("[A-Za-z0-9_-]{40,}"));
    for (const QString &line : log.lines())
        EXPECT_FALSE(longRun.match(line).hasMatch()) << str(line);
}

TEST_F(SignIn, BrowserFlowFillsInTheSignInPageLikeAPerson)
{
    ASSERT_NO_FATAL_FAILURE(start(demo(false)));
    FakeBrowser browser;
    PublicClientConfig c = config();
    c.loginHint = kAlex;
    auto *flow = new BrowserSignIn(c, browser.opener());
    auto outcome = watch(flow);
    flow->start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return outcome->done(); }, 20000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return browser.done; }, 20000)); // its last page loaded
    ASSERT_TRUE(outcome->result) << outcome->describe();
    EXPECT_EQ(outcome->result->username, kAlex);
    EXPECT_EQ(outcome->result->tenantId, kContoso);
    EXPECT_EQ(queryValue(browser.opened.value(0), QStringLiteral("login_hint")), kAlex);
    // The page was shown (200) and its form posted, which redirected to the app.
    ASSERT_GE(browser.visits.size(), 3);
    EXPECT_EQ(browser.visits.at(0).status, 200);
    EXPECT_EQ(browser.visits.at(1).method, QByteArray("POST"));
    EXPECT_EQ(browser.visits.at(1).status, 302);
    ASSERT_TRUE(browser.callback());
    EXPECT_EQ(browser.callback()->status, 200);
}

TEST_F(SignIn, BrowserFlowReportsDeclinedConsent)
{
    ASSERT_NO_FATAL_FAILURE(start(demo(false)));
    FakeBrowser browser;
    browser.action = QStringLiteral("decline");
    auto *flow = new BrowserSignIn(config(), browser.opener());
    auto outcome = watch(flow);
    flow->start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return outcome->done(); }, 20000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return browser.done; }, 20000)); // its last page loaded
    ASSERT_TRUE(outcome->error) << outcome->describe();
    EXPECT_EQ(outcome->error->error, QStringLiteral("access_denied"));
    EXPECT_TRUE(outcome->error->hasCode(65004));
    EXPECT_TRUE(outcome->error->userMessage().contains(QLatin1String("declined"))) << str(outcome->error->userMessage());
    EXPECT_TRUE(tokenStatuses().isEmpty()) << "nothing to redeem";
    // The browser tab says so too.
    ASSERT_TRUE(browser.callback());
    EXPECT_EQ(browser.callback()->status, 400);
    EXPECT_TRUE(browser.callback()->body.contains("Sign-in to DPS Setup failed"));
}

TEST_F(SignIn, BrowserFlowReportsAnErrorRedirect)
{
    ASSERT_NO_FATAL_FAILURE(start());
    FakeBrowser browser;
    PublicClientConfig c = config();
    c.armScope = QStringLiteral("foo"); // not a scope Entra knows: invalid_scope on the redirect
    auto *flow = new BrowserSignIn(c, browser.opener());
    auto outcome = watch(flow);
    flow->start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return outcome->done(); }, 20000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return browser.done; }, 20000)); // its last page loaded
    ASSERT_TRUE(outcome->error) << outcome->describe();
    EXPECT_EQ(outcome->error->error, QStringLiteral("invalid_scope"));
    EXPECT_TRUE(outcome->error->hasCode(70011));
    EXPECT_TRUE(outcome->error->description.startsWith(QLatin1String("AADSTS70011:")));
    EXPECT_TRUE(outcome->error->userMessage().contains(QLatin1String("scope"))) << str(outcome->error->userMessage());
}

TEST_F(SignIn, BrowserFlowRejectsARedirectWithAnotherState)
{
    ASSERT_NO_FATAL_FAILURE(start());
    FakeBrowser browser;
    const QString hostile = QStringLiteral("<script>alert(1)</script>");
    browser.rewriteRedirect = [hostile](const QUrl &u) {
        QUrlQuery q(u);
        q.removeAllQueryItems(QStringLiteral("state"));
        q.addQueryItem(QStringLiteral("state"), QString::fromLatin1(QUrl::toPercentEncoding(hostile)));
        QUrl out = u;
        out.setQuery(q);
        return out;
    };
    auto *flow = new BrowserSignIn(config(), browser.opener());
    auto outcome = watch(flow);
    flow->start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return outcome->done(); }, 20000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return browser.done; }, 20000)); // its last page loaded
    ASSERT_TRUE(outcome->error) << outcome->describe();
    EXPECT_EQ(outcome->error->error, QStringLiteral("state_mismatch"));
    EXPECT_TRUE(outcome->error->userMessage().contains(QLatin1String("rejected"))) << str(outcome->error->userMessage());
    EXPECT_TRUE(tokenStatuses().isEmpty()) << "a code with a foreign state is never redeemed";
    const auto callback = browser.callback();
    ASSERT_TRUE(callback);
    EXPECT_EQ(queryValue(callback->url, QStringLiteral("state")), hostile);
    EXPECT_EQ(callback->status, 400);
    EXPECT_FALSE(callback->body.contains("<script>")) << callback->body.constData();
    EXPECT_FALSE(accepts(QHostAddress::LocalHost, redirectPort(browser.opened.value(0))));
}

TEST_F(SignIn, BrowserFlowTimesOutAfterFiveMinutesByDefault)
{
    useFakeClock();
    ASSERT_NO_FATAL_FAILURE(start());
    QList<QUrl> opened;
    auto *flow = new BrowserSignIn(config(), [&](const QUrl &u) {
        opened.append(u);
        return false; // no browser: the person would have to open it by hand, and doesn't
    });
    auto outcome = watch(flow);
    flow->start();
    ASSERT_EQ(opened.size(), 1);
    const quint16 port = redirectPort(opened.first());
    EXPECT_TRUE(accepts(QHostAddress::LocalHost, port));
    m_fakeClock->advance(5 * 60 * 1000 - 1);
    QTest::qWait(20);
    EXPECT_FALSE(outcome->done());
    m_fakeClock->advance(1);
    ASSERT_TRUE(QTest::qWaitFor([&] { return outcome->done(); }, 2000));
    ASSERT_TRUE(outcome->error);
    EXPECT_EQ(outcome->error->error, QStringLiteral("timeout"));
    EXPECT_TRUE(outcome->error->userMessage().contains(QLatin1String("300 s"))) << str(outcome->error->userMessage());
    EXPECT_FALSE(accepts(QHostAddress::LocalHost, port));
}

TEST_F(SignIn, BrowserFlowTimesOutAfterTheTimeItWasGiven)
{
    ASSERT_NO_FATAL_FAILURE(start());
    auto *flow = new BrowserSignIn(config(), [](const QUrl &) { return true; });
    flow->setTimeoutMs(200);
    auto outcome = watch(flow);
    flow->start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return outcome->done(); }, 5000));
    ASSERT_TRUE(outcome->error);
    EXPECT_EQ(outcome->error->error, QStringLiteral("timeout"));
}

TEST_F(SignIn, BrowserFlowCanBeCancelled)
{
    ASSERT_NO_FATAL_FAILURE(start());
    QList<QUrl> opened;
    auto *flow = new BrowserSignIn(config(), [&](const QUrl &u) {
        opened.append(u);
        return true;
    });
    QPointer<BrowserSignIn> alive(flow);
    auto outcome = watch(flow);
    flow->start();
    ASSERT_EQ(opened.size(), 1);
    flow->cancel();
    flow->cancel();
    EXPECT_FALSE(outcome->done()) << "results come from the event loop, never from inside the call";
    ASSERT_TRUE(QTest::qWaitFor([&] { return outcome->done(); }, 2000));
    ASSERT_TRUE(outcome->error);
    EXPECT_EQ(outcome->error->error, QStringLiteral("cancelled"));
    EXPECT_TRUE(outcome->error->userMessage().contains(QLatin1String("cancelled")));
    EXPECT_FALSE(accepts(QHostAddress::LocalHost, redirectPort(opened.first())));
    EXPECT_TRUE(QTest::qWaitFor([&] { return alive.isNull(); }, 2000));
    EXPECT_EQ(outcome->signals, 1);
}

TEST_F(SignIn, BrowserFlowListensOnLoopbackOnly)
{
    ASSERT_NO_FATAL_FAILURE(start());
    QList<QUrl> opened;
    auto *flow = new BrowserSignIn(config(), [&](const QUrl &u) {
        opened.append(u);
        return true;
    });
    auto outcome = watch(flow);
    flow->start();
    ASSERT_EQ(opened.size(), 1);
    const quint16 port = redirectPort(opened.first());
    ASSERT_GT(port, 0);
    EXPECT_TRUE(accepts(QHostAddress::LocalHost, port));
    int others = 0;
    for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
        if (address.isLoopback() || address.isLinkLocal())
            continue;
        ++others;
        EXPECT_FALSE(accepts(address, port)) << str(address.toString());
    }
    if (others == 0)
        std::cout << "[ note ] no non-loopback address on this machine; only 127.0.0.1 was checked\n";
    flow->cancel();
    ASSERT_TRUE(QTest::qWaitFor([&] { return outcome->done(); }, 2000));
}

TEST_F(SignIn, BrowserSignInOverHttpsThenArmThroughTheRefreshToken)
{
    SandboxProcess::Options o = demo();
    o.tls = true;
    ASSERT_NO_FATAL_FAILURE(start(o));
    ASSERT_EQ(authorityHost().scheme(), QStringLiteral("https"));
    const SignInResult signedIn = signInWithBrowser();
    ASSERT_FALSE(signedIn.refreshToken.isEmpty());

    // The ARM pipeline (bearer policy and all) with the user's credential: GET /subscriptions.
    auto credential = std::make_shared<RefreshTokenCredential>(config(), signedIn.homeTenantId, signedIn.refreshToken);
    auto arm = Http::makeArmPipeline(&m_nam, credential, m_options);
    Http::HttpRequest request;
    request.url = m_admin->arm(QStringLiteral("/subscriptions"), QStringLiteral("2022-12-01"));
    const auto response = Dps::Test::sendAndWait(*arm, request, 20000);
    ASSERT_TRUE(response);
    ASSERT_EQ(response->status, 200) << response->body.constData() << " " << str(response->errorString);
    const QJsonArray subscriptions = QJsonDocument::fromJson(response->body).object().value(QStringLiteral("value")).toArray();
    EXPECT_FALSE(subscriptions.isEmpty());
    for (const QJsonValue &s : subscriptions)
        EXPECT_EQ(s.toObject().value(QStringLiteral("tenantId")).toString(), kContoso);
}

// ---------------------------------------------------------------------------------------------
// Device code

TEST_F(SignIn, DeviceCodeFinishesAfterApprovalOnTheDeviceLoginPage)
{
    ASSERT_NO_FATAL_FAILURE(start(demo(true, {QStringLiteral("--device-code-interval"), QStringLiteral("1")})));
    LogCapture log;
    auto *flow = new DeviceCodeSignIn(config());
    QPointer<DeviceCodeSignIn> alive(flow);
    QString userCode, message;
    QUrl uri;
    int expiresIn = 0;
    QObject::connect(flow, &DeviceCodeSignIn::codeReady, flow,
                     [&](const QString &c, const QUrl &u, const QString &m, int e) {
                         userCode = c;
                         uri = u;
                         message = m;
                         expiresIn = e;
                     });
    auto outcome = watch(flow);
    flow->start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !userCode.isEmpty() || outcome->done(); }, 10000)) << outcome->describe();
    ASSERT_FALSE(userCode.isEmpty()) << outcome->describe();
    EXPECT_EQ(uri, url(QStringLiteral("/devicelogin")));
    EXPECT_TRUE(message.contains(userCode));
    EXPECT_EQ(expiresIn, 900);

    // It polls (authorization_pending) until the person approves.
    for (int i = 0; i < 50 && !tokenStatuses().contains(400); ++i)
        QTest::qWait(100);
    ASSERT_TRUE(tokenStatuses().contains(400));
    EXPECT_FALSE(outcome->done());
    ASSERT_NO_FATAL_FAILURE(answerDeviceCode(userCode, uri, QStringLiteral("approve")));
    ASSERT_TRUE(QTest::qWaitFor([&] { return outcome->done(); }, 10000));
    ASSERT_TRUE(outcome->result) << outcome->describe();
    EXPECT_EQ(outcome->result->username, kAlex);
    EXPECT_EQ(outcome->result->tenantId, kContoso);
    EXPECT_EQ(outcome->result->homeTenantId, kContoso);
    EXPECT_FALSE(outcome->result->refreshToken.isEmpty());
    EXPECT_EQ(tokenStatuses().last(), 200);
    EXPECT_TRUE(QTest::qWaitFor([&] { return alive.isNull(); }, 2000));
    EXPECT_EQ(outcome->signals, 1);

    const QJsonArray devices = sandboxState().value(QStringLiteral("deviceCodes")).toArray();
    ASSERT_EQ(devices.size(), 1);
    const QString deviceCode = devices.first().toObject().value(QStringLiteral("deviceCode")).toString();
    for (const QString &secret : {outcome->result->accessToken.token, outcome->result->refreshToken, deviceCode}) {
        ASSERT_FALSE(secret.isEmpty());
        EXPECT_FALSE(log.contains(secret)) << "leaked into the log: " << str(secret.left(12));
    }
}

namespace {

// Runs the next poll of a flow on a FakeClock and waits for the sandbox's answer to be handled.
bool pollOnce(FakeClock &clock, const Outcome &outcome)
{
    if (!QTest::qWaitFor([&] { return clock.pendingCount() > 0 || outcome.done(); }, 10000) || outcome.done())
        return false;
    clock.advanceToNext();
    return QTest::qWaitFor([&] { return clock.pendingCount() > 0 || outcome.done(); }, 10000);
}

struct DeviceCodeRun
{
    QString userCode;
    QUrl uri;
    std::shared_ptr<Outcome> outcome;
    QPointer<DeviceCodeSignIn> flow;
};

DeviceCodeRun startDeviceCode(const PublicClientConfig &config)
{
    DeviceCodeRun run;
    auto *flow = new DeviceCodeSignIn(config);
    run.flow = flow;
    auto codes = std::make_shared<QPair<QString, QUrl>>();
    QObject::connect(flow, &DeviceCodeSignIn::codeReady, flow,
                     [codes](const QString &c, const QUrl &u, const QString &, int) { *codes = {c, u}; });
    run.outcome = watch(flow);
    flow->start();
    EXPECT_TRUE(QTest::qWaitFor([&] { return !codes->first.isEmpty() || run.outcome->done(); }, 10000));
    run.userCode = codes->first;
    run.uri = codes->second;
    return run;
}

} // namespace

TEST_F(SignIn, DeviceCodeSlowsDownWhenTheServerAsks)
{
    useFakeClock();
    ASSERT_NO_FATAL_FAILURE(start()); // the sandbox's default interval: 5 s
    DeviceCodeRun run = startDeviceCode(config());
    ASSERT_FALSE(run.userCode.isEmpty()) << run.outcome->describe();
    ASSERT_TRUE(pollOnce(*m_fakeClock, *run.outcome)); // authorization_pending
    // The fake clock fires the next poll at once, in real time: too fast for the sandbox.
    ASSERT_TRUE(pollOnce(*m_fakeClock, *run.outcome)); // slow_down
    EXPECT_EQ(m_fakeClock->requestedDelays(), (QList<int>{5000, 5000, 10000}));
    EXPECT_EQ(tokenStatuses(), (QList<int>{400, 400}));
    EXPECT_EQ(sandboxState().value(QStringLiteral("deviceCodes")).toArray().first().toObject()
                  .value(QStringLiteral("intervalSec")).toInt(), 10);
    EXPECT_FALSE(run.outcome->done());

    ASSERT_NO_FATAL_FAILURE(answerDeviceCode(run.userCode, run.uri, QStringLiteral("approve")));
    ASSERT_TRUE(pollOnce(*m_fakeClock, *run.outcome));
    ASSERT_TRUE(QTest::qWaitFor([&] { return run.outcome->done(); }, 5000));
    ASSERT_TRUE(run.outcome->result) << run.outcome->describe();
    EXPECT_EQ(run.outcome->result->username, kAlex);
}

TEST_F(SignIn, DeviceCodeFailsWhenTheServerSaysTheCodeExpired)
{
    useFakeClock();
    ASSERT_NO_FATAL_FAILURE(start(demo(true, {QStringLiteral("--device-code-interval"), QStringLiteral("1"),
                                              QStringLiteral("--device-code-expiry"), QStringLiteral("60")})));
    DeviceCodeRun run = startDeviceCode(config());
    ASSERT_FALSE(run.userCode.isEmpty()) << run.outcome->describe();
    ASSERT_NO_FATAL_FAILURE(advanceSandboxClock(120)); // expired for the server, not yet for the app's clock
    pollOnce(*m_fakeClock, *run.outcome);
    ASSERT_TRUE(QTest::qWaitFor([&] { return run.outcome->done(); }, 5000));
    ASSERT_TRUE(run.outcome->error);
    EXPECT_EQ(run.outcome->error->error, QStringLiteral("expired_token"));
    EXPECT_TRUE(run.outcome->error->hasCode(70019));
    EXPECT_TRUE(run.outcome->error->userMessage().contains(QLatin1String("expired"))) << str(run.outcome->error->userMessage());
}

TEST_F(SignIn, DeviceCodeStopsPollingWhenItExpiresLocally)
{
    useFakeClock();
    ASSERT_NO_FATAL_FAILURE(start(demo(true, {QStringLiteral("--device-code-interval"), QStringLiteral("1"),
                                              QStringLiteral("--device-code-expiry"), QStringLiteral("2")})));
    DeviceCodeRun run = startDeviceCode(config());
    ASSERT_FALSE(run.userCode.isEmpty()) << run.outcome->describe();
    ASSERT_TRUE(pollOnce(*m_fakeClock, *run.outcome)); // +1 s: pending
    pollOnce(*m_fakeClock, *run.outcome);              // +2 s: expired, without asking
    ASSERT_TRUE(QTest::qWaitFor([&] { return run.outcome->done(); }, 5000));
    ASSERT_TRUE(run.outcome->error);
    EXPECT_EQ(run.outcome->error->error, QStringLiteral("expired_token"));
    EXPECT_EQ(tokenStatuses(), QList<int>{400});
}

TEST_F(SignIn, DeviceCodeReportsADecline)
{
    useFakeClock();
    ASSERT_NO_FATAL_FAILURE(start());
    DeviceCodeRun run = startDeviceCode(config());
    ASSERT_FALSE(run.userCode.isEmpty()) << run.outcome->describe();
    ASSERT_NO_FATAL_FAILURE(answerDeviceCode(run.userCode, run.uri, QStringLiteral("decline")));
    pollOnce(*m_fakeClock, *run.outcome);
    ASSERT_TRUE(QTest::qWaitFor([&] { return run.outcome->done(); }, 5000));
    ASSERT_TRUE(run.outcome->error);
    EXPECT_EQ(run.outcome->error->error, QStringLiteral("authorization_declined"));
    EXPECT_TRUE(run.outcome->error->userMessage().contains(QLatin1String("declined"))) << str(run.outcome->error->userMessage());
}

TEST_F(SignIn, DeviceCodeCanBeCancelled)
{
    useFakeClock();
    ASSERT_NO_FATAL_FAILURE(start());
    DeviceCodeRun run = startDeviceCode(config());
    ASSERT_FALSE(run.userCode.isEmpty()) << run.outcome->describe();
    run.flow->cancel();
    ASSERT_TRUE(QTest::qWaitFor([&] { return run.outcome->done(); }, 2000));
    ASSERT_TRUE(run.outcome->error);
    EXPECT_EQ(run.outcome->error->error, QStringLiteral("cancelled"));
    m_fakeClock->advance(60 * 1000);
    QTest::qWait(100);
    EXPECT_TRUE(tokenStatuses().isEmpty()) << "no poll after cancel";
    EXPECT_EQ(run.outcome->signals, 1);
}

// ---------------------------------------------------------------------------------------------
// Refresh tokens: every tenant, expiry, revocation, MFA

TEST_F(SignIn, RefreshTokenGivesTokensForEveryTenantOfTheUser)
{
    ASSERT_NO_FATAL_FAILURE(start());
    const SignInResult signedIn = signInWithBrowser();
    ASSERT_FALSE(signedIn.refreshToken.isEmpty());
    LogCapture log;
    QStringList rotations;
    RefreshTokenCredential credential(config(), signedIn.homeTenantId, signedIn.refreshToken,
                                      [&](const QString &rt) { rotations.append(rt); });
    EXPECT_EQ(credential.defaultTenantId(), kContoso);

    const auto home = getToken(credential);
    ASSERT_TRUE(home->token) << str(home->error.userMessage());
    EXPECT_EQ(claims(home->token->token).value(QStringLiteral("tid")).toString(), kContoso);
    const auto fabrikam = getToken(credential, kFabrikam);
    ASSERT_TRUE(fabrikam->token) << str(fabrikam->error.userMessage());
    EXPECT_EQ(claims(fabrikam->token->token).value(QStringLiteral("tid")).toString(), kFabrikam);
    EXPECT_EQ(claims(fabrikam->token->token).value(QStringLiteral("oid")).toString(), kAlexOid);
    EXPECT_EQ(fabrikam->token->tenantId, kFabrikam);

    // Each refresh rotated the refresh token, and the owner heard of each new one.
    ASSERT_EQ(rotations.size(), 2);
    EXPECT_NE(rotations.at(0), signedIn.refreshToken);
    EXPECT_NE(rotations.at(1), rotations.at(0));

    // Cached per tenant.
    const int requests = int(tokenStatuses().size());
    const auto again = getToken(credential, kFabrikam);
    ASSERT_TRUE(again->token);
    EXPECT_EQ(again->token->token, fabrikam->token->token);
    EXPECT_EQ(tokenStatuses().size(), requests);

    for (const QString &secret : {home->token->token, fabrikam->token->token, signedIn.refreshToken, rotations.at(0),
                                  rotations.at(1)})
        EXPECT_FALSE(log.contains(secret)) << "leaked into the log: " << str(secret.left(12));
}

TEST_F(SignIn, RefreshTokenCredentialSharesOneRequestBetweenConcurrentCallers)
{
    ASSERT_NO_FATAL_FAILURE(start());
    const SignInResult signedIn = signInWithBrowser();
    RefreshTokenCredential credential(config(), signedIn.homeTenantId, signedIn.refreshToken);
    const int before = int(tokenStatuses().size());
    auto a = requestToken(credential, kFabrikam);
    auto b = requestToken(credential, kFabrikam);
    ASSERT_TRUE(QTest::qWaitFor([&] { return a->done && b->done; }, 10000));
    ASSERT_TRUE(a->token && b->token);
    EXPECT_EQ(a->token->token, b->token->token);
    EXPECT_EQ(tokenStatuses().size(), before + 1);
}

TEST_F(SignIn, RefreshTokenCredentialRefreshesATokenAboutToExpire)
{
    useFakeClock();
    ASSERT_NO_FATAL_FAILURE(start());
    const SignInResult signedIn = signInWithBrowser();
    RefreshTokenCredential credential(config(), signedIn.homeTenantId, signedIn.refreshToken);
    const auto first = getToken(credential);
    ASSERT_TRUE(first->token);
    const int before = int(tokenStatuses().size());
    m_fakeClock->advance(30 * 60 * 1000);
    EXPECT_EQ(getToken(credential)->token->token, first->token->token) << "still fresh: from the cache";
    EXPECT_EQ(tokenStatuses().size(), before);

    m_fakeClock->advance(26 * 60 * 1000); // 4 minutes left: inside the 5-minute margin
    const auto renewed = getToken(credential);
    ASSERT_TRUE(renewed->token) << str(renewed->error.userMessage());
    EXPECT_NE(renewed->token->token, first->token->token);
    EXPECT_EQ(tokenStatuses().size(), before + 1);

    const auto forced = getToken(credential, {}, true);
    ASSERT_TRUE(forced->token);
    EXPECT_NE(forced->token->token, renewed->token->token);
    EXPECT_EQ(tokenStatuses().size(), before + 2);
}

TEST_F(SignIn, RevokedRefreshTokenAsksToSignInAgain)
{
    ASSERT_NO_FATAL_FAILURE(start());
    const SignInResult signedIn = signInWithBrowser();
    const HttpResult revoked = m_admin->postJson(url(QStringLiteral("/_sandbox/refresh-tokens/revoke")),
                                                 QJsonObject{{QStringLiteral("username"), kAlex}});
    ASSERT_EQ(revoked.status, 200) << revoked.body.constData();
    RefreshTokenCredential credential(config(), signedIn.homeTenantId, signedIn.refreshToken);
    const auto result = getToken(credential);
    ASSERT_FALSE(result->token);
    EXPECT_EQ(result->error.error, QStringLiteral("invalid_grant"));
    EXPECT_TRUE(result->error.hasCode(50173));
    EXPECT_TRUE(result->error.userMessage().contains(QLatin1String("Sign in again"))) << str(result->error.userMessage());
}

TEST_F(SignIn, MfaTenantNeedsAnInteractiveSignIn)
{
    ASSERT_NO_FATAL_FAILURE(start());
    const SignInResult signedIn = signInWithBrowser();
    const HttpResult mfa = m_admin->postJson(url(QStringLiteral("/_sandbox/tenants/%1").arg(kFabrikam)),
                                             QJsonObject{{QStringLiteral("requireMfa"), true}});
    ASSERT_EQ(mfa.status, 200) << mfa.body.constData();
    RefreshTokenCredential credential(config(), signedIn.homeTenantId, signedIn.refreshToken);
    const auto fabrikam = getToken(credential, kFabrikam);
    ASSERT_FALSE(fabrikam->token);
    EXPECT_TRUE(fabrikam->error.isInteractionRequired());
    EXPECT_TRUE(fabrikam->error.hasCode(50076));
    EXPECT_TRUE(fabrikam->error.userMessage().contains(QLatin1String("multi-factor authentication")))
        << str(fabrikam->error.userMessage());
    const auto contoso = getToken(credential, kContoso);
    EXPECT_TRUE(contoso->token) << "the home tenant has no such policy";
}

// ---------------------------------------------------------------------------------------------
// Azure CLI

namespace {

// A fake `az` in a temporary folder: records its arguments, environment, stdin and working folder
// next to itself, then prints `stdoutText` and `stderrText` and exits with `exitCode`.
class FakeAz
{
public:
    FakeAz(const QString &stdoutText, const QString &stderrText = {}, int exitCode = 0, const QString &name = QStringLiteral("az"))
    {
        m_path = m_dir.filePath(name);
        QFile out(m_dir.filePath(QStringLiteral("stdout"))), err(m_dir.filePath(QStringLiteral("stderr")));
        out.open(QIODevice::WriteOnly);
        out.write(stdoutText.toUtf8());
        err.open(QIODevice::WriteOnly);
        err.write(stderrText.toUtf8());
        QFile script(m_path);
        script.open(QIODevice::WriteOnly);
        script.write(QStringLiteral("#!/bin/sh\n"
                                    "d=$(dirname \"$0\")\n"
                                    "echo run >> \"$d/runs\"\n"
                                    "printf '%s\\n' \"$@\" > \"$d/args\"\n"
                                    "printf '%s' \"$AZURE_CORE_NO_COLOR\" > \"$d/env\"\n"
                                    "pwd > \"$d/cwd\"\n"
                                    "if read -r line; then echo open > \"$d/stdin\"; else echo closed > \"$d/stdin\"; fi\n"
                                    "cat \"$d/stdout\"\n"
                                    "cat \"$d/stderr\" >&2\n"
                                    "exit %1\n")
                         .arg(exitCode)
                         .toUtf8());
        script.close();
        script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    QString path() const { return m_path; }
    QString dir() const { return m_dir.path(); }
    QString read(const QString &name) const
    {
        QFile f(m_dir.filePath(name));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }
    QStringList args() const { return read(QStringLiteral("args")).split(QLatin1Char('\n'), Qt::SkipEmptyParts); }
    int runs() const { return int(read(QStringLiteral("runs")).count(QLatin1Char('\n'))); }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

QString cliJson(const QString &token, qint64 expiresOnSeconds, const QString &tenant)
{
    return QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("accessToken"), token},
                                                       {QStringLiteral("expiresOn"), QStringLiteral("2001-01-01 00:00:00.000000")},
                                                       {QStringLiteral("expires_on"), double(expiresOnSeconds)},
                                                       {QStringLiteral("subscription"), QStringLiteral("00000000-0000-4000-8000-000000000001")},
                                                       {QStringLiteral("tenant"), tenant},
                                                       {QStringLiteral("tokenType"), QStringLiteral("Bearer")}})
                                 .toJson());
}

} // namespace

TEST(AzureCliCredential, RunsAzWithAnArgumentListAndReadsItsToken)
{
    const qint64 expiresOn = QDateTime::currentSecsSinceEpoch() + 3600;
    FakeAz az(cliJson(QStringLiteral("AZ-CLI-ACCESS-TOKEN"), expiresOn, kFabrikam));
    LogCapture log;
    AzureCliCredential credential(az.path());
    const auto result = getToken(credential, kFabrikam);
    ASSERT_TRUE(result->token) << str(result->error.error + QStringLiteral(": ") + result->error.userMessage());
    EXPECT_EQ(result->token->token, QStringLiteral("AZ-CLI-ACCESS-TOKEN"));
    EXPECT_EQ(result->token->expiresOnMs, expiresOn * 1000) << "expires_on wins over expiresOn";
    EXPECT_EQ(result->token->tenantId, kFabrikam);
    EXPECT_EQ(az.args(), (QStringList{QStringLiteral("account"), QStringLiteral("get-access-token"), QStringLiteral("--output"),
                                      QStringLiteral("json"), QStringLiteral("--resource"),
                                      QStringLiteral("https://management.azure.com"), QStringLiteral("--tenant"), kFabrikam}));
    EXPECT_EQ(az.read(QStringLiteral("env")), QStringLiteral("true"));
    EXPECT_EQ(az.read(QStringLiteral("stdin")).trimmed(), QStringLiteral("closed"));
    EXPECT_EQ(az.read(QStringLiteral("cwd")).trimmed(), QStringLiteral("/"));

    // Cached until it nearly expires: az runs once.
    EXPECT_EQ(getToken(credential, kFabrikam)->token->token, QStringLiteral("AZ-CLI-ACCESS-TOKEN"));
    EXPECT_EQ(az.runs(), 1);
    // Without a tenant: no --tenant; az's default tenant becomes the credential's.
    const auto byDefault = getToken(credential);
    ASSERT_TRUE(byDefault->token);
    EXPECT_FALSE(az.args().contains(QStringLiteral("--tenant")));
    EXPECT_EQ(credential.defaultTenantId(), kFabrikam);
    EXPECT_FALSE(log.contains(QStringLiteral("AZ-CLI-ACCESS-TOKEN")));
}

TEST(AzureCliCredential, ReadsTheLocalExpiresOnOfOlderVersions)
{
    QDateTime local = QDateTime::currentDateTime().addSecs(7200);
    local.setTime(QTime(local.time().hour(), local.time().minute(), local.time().second(), 123));
    const QString json = QStringLiteral("{\"accessToken\": \"OLD-CLI-TOKEN\", \"expiresOn\": \"%1\", \"tokenType\": \"Bearer\"}")
                             .arg(local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(".123456"));
    FakeAz az(json);
    AzureCliCredential credential(az.path(), kContoso);
    const auto result = getToken(credential);
    ASSERT_TRUE(result->token) << str(result->error.userMessage());
    EXPECT_EQ(result->token->expiresOnMs, local.toMSecsSinceEpoch());
    EXPECT_EQ(result->token->tenantId, kContoso) << "no tenant in the output: the one asked for";
    EXPECT_TRUE(az.args().contains(kContoso));
}

TEST(AzureCliCredential, SaysToRunAzLoginWhenNotSignedIn)
{
    FakeAz az(QString(), QStringLiteral("ERROR: Please run 'az login' to setup account.\n"), 1);
    AzureCliCredential credential(az.path());
    const auto result = getToken(credential);
    ASSERT_FALSE(result->token);
    EXPECT_EQ(result->error.error, QStringLiteral("azure_cli_not_logged_in"));
    EXPECT_TRUE(result->error.userMessage().contains(QLatin1String("run az login"))) << str(result->error.userMessage());
}

TEST(AzureCliCredential, SaysWhenAzIsNotInstalled)
{
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("az"));
    EXPECT_FALSE(AzureCliCredential::isAvailable(missing));
    AzureCliCredential credential(missing);
    const auto result = getToken(credential);
    ASSERT_FALSE(result->token);
    EXPECT_EQ(result->error.error, QStringLiteral("azure_cli_not_installed"));
    EXPECT_TRUE(result->error.userMessage().contains(QLatin1String("The Azure CLI (az) is not installed")))
        << str(result->error.userMessage());
}

TEST(AzureCliCredential, FindsAzOnThePath)
{
    FakeAz az(cliJson(QStringLiteral("FROM-PATH"), QDateTime::currentSecsSinceEpoch() + 3600, kContoso));
    const QByteArray savedPath = qgetenv("PATH");
    qputenv("PATH", QDir::toNativeSeparators(az.dir()).toLocal8Bit() + ':' + savedPath);
    EXPECT_TRUE(AzureCliCredential::isAvailable());
    AzureCliCredential credential;
    const auto result = getToken(credential);
    QTemporaryDir empty;
    qputenv("PATH", QDir::toNativeSeparators(empty.path()).toLocal8Bit());
    EXPECT_FALSE(AzureCliCredential::isAvailable());
    qputenv("PATH", savedPath);
    ASSERT_TRUE(result->token) << str(result->error.userMessage());
    EXPECT_EQ(result->token->token, QStringLiteral("FROM-PATH"));
}

TEST(AzureCliCredential, RedactsTokensFromItsErrors)
{
    const QString jwt = QStringLiteral("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");
    FakeAz az(QString(),
              QStringLiteral("ERROR: something broke {\"accessToken\": \"SECRET-AT-1\", \"x\": 1} %1\n").arg(jwt), 2);
    LogCapture log;
    AzureCliCredential credential(az.path());
    const auto result = getToken(credential);
    ASSERT_FALSE(result->token);
    EXPECT_EQ(result->error.error, QStringLiteral("azure_cli_failed"));
    const QString message = result->error.userMessage();
    EXPECT_TRUE(message.contains(QLatin1String("something broke"))) << str(message);
    for (const QString &text : {message, result->error.description, result->error.technicalDetails(), log.text()}) {
        EXPECT_FALSE(text.contains(QLatin1String("SECRET-AT-1"))) << str(text);
        EXPECT_FALSE(text.contains(jwt)) << str(text);
    }
}

TEST(AzureCliCredential, StopsAnAzThatHangs)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("az"));
    QFile script(path);
    ASSERT_TRUE(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\nexec sleep 30\n");
    script.close();
    script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    auto clock = std::make_shared<FakeClock>();
    AzureCliCredential credential(path, {}, clock);
    credential.setTimeoutMs(5000);
    auto result = requestToken(credential);
    QTest::qWait(50);
    EXPECT_FALSE(result->done);
    clock->advance(5000);
    ASSERT_TRUE(QTest::qWaitFor([&] { return result->done; }, 5000));
    ASSERT_FALSE(result->token);
    EXPECT_EQ(result->error.error, QStringLiteral("azure_cli_timeout"));
    EXPECT_TRUE(result->error.userMessage().contains(QLatin1String("5 s"))) << str(result->error.userMessage());
}

TEST(AzureCliCredential, RefusesAScopeItCannotPassSafely)
{
    FakeAz az(cliJson(QStringLiteral("T"), QDateTime::currentSecsSinceEpoch() + 3600, kContoso));
    AzureCliCredential credential(az.path());
    const auto option = getToken(credential, {}, false, QStringLiteral("--debug/.default"));
    EXPECT_EQ(option->error.error, QStringLiteral("invalid_scope"));
    const auto tenant = getToken(credential, QStringLiteral("--all"));
    EXPECT_EQ(tenant->error.error, QStringLiteral("invalid_tenant"));
    EXPECT_EQ(az.runs(), 0);
}

// ---------------------------------------------------------------------------------------------
// What the person reads

TEST(AuthError, SaysWhatToDoAfterEachSignInFailure)
{
    const auto error = [](const QString &code, QList<int> codes = {}, const QString &description = {}) {
        AuthError e;
        e.error = code;
        e.aadstsCodes = std::move(codes);
        e.description = description;
        return e;
    };
    const struct
    {
        AuthError error;
        const char *expected;
    } cases[] = {
        {error(QStringLiteral("interaction_required"), {50076}), "requires multi-factor authentication"},
        {error(QStringLiteral("interaction_required"), {50079}), "set up multi-factor authentication"},
        {error(QStringLiteral("interaction_required"), {53003}), "Conditional Access"},
        {error(QStringLiteral("unauthorized_client"), {700016}), "your own app registration"},
        {error(QStringLiteral("invalid_request"), {50011}), "redirect URI http://localhost"},
        {error(QStringLiteral("invalid_client"), {7000218}), "Allow public client flows"},
        {error(QStringLiteral("invalid_client"), {700025}), "must not send a client secret"},
        {error(QStringLiteral("invalid_grant"), {50173}), "Sign in again"},
        {error(QStringLiteral("expired_token"), {70019}), "device code expired"},
        {error(QStringLiteral("authorization_declined"), {70000}), "declined on the device login page"},
        {error(QStringLiteral("access_denied"), {65004}), "declined"},
        {error(QStringLiteral("timeout"), {}, QStringLiteral("300")), "within 300 s"},
        {error(QStringLiteral("cancelled")), "cancelled"},
        {error(QStringLiteral("state_mismatch")), "rejected for your safety"},
        {error(QStringLiteral("network"), {}, QStringLiteral("Connection refused")), "Connection refused"},
        {error(QStringLiteral("azure_cli_not_installed")), "The Azure CLI (az) is not installed"},
        {error(QStringLiteral("azure_cli_not_logged_in")), "run az login"},
    };
    QSet<QString> messages;
    for (const auto &c : cases) {
        const QString message = c.error.userMessage();
        EXPECT_TRUE(message.contains(QLatin1String(c.expected))) << c.expected << " / " << str(message);
        EXPECT_TRUE(message.endsWith(QLatin1Char('.'))) << str(message);
        messages.insert(message);
    }
    EXPECT_EQ(messages.size(), int(std::size(cases)));
}
