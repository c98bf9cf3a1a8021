// The next start (issue 9): the real dps-setup executable started on each state an earlier session can
// leave behind (remembered choices, a stopped run's journal, damaged, truncated, old or unreadable
// files, a second instance) must show its first page and say what fits, never crash. The app reports
// its page and the messages on it on stderr (DPS_SETUP_REPORT_STATE=1, Application.cpp).
#include "SetupTestSupport.h"
#include "setup/SetupPlan.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <memory>

using namespace Dps;
using namespace Dps::Test;

namespace {

std::string str(const QString &s)
{
    return s.toStdString();
}

// One start of the desktop app, offscreen, with its own HOME, settings and data folder.
class App
{
public:
    App(const QProcessEnvironment &env, const QStringList &args)
    {
        m_process.setProcessEnvironment(env);
        m_process.start(QStringLiteral(DPS_SETUP_PATH), args);
        m_started = m_process.waitForStarted(10000);
    }
    ~App() { stop(); }

    // Waits until stderr has `needle` (or the process ended); true when it came.
    bool waitFor(const QByteArray &needle, int timeoutMs = 20000)
    {
        QElapsedTimer timer;
        timer.start();
        while (!m_err.contains(needle)) {
            if (m_process.state() == QProcess::NotRunning || timer.elapsed() > timeoutMs) {
                m_err += m_process.readAllStandardError();
                return m_err.contains(needle);
            }
            m_process.waitForReadyRead(100);
            m_err += m_process.readAllStandardError();
        }
        return true;
    }
    bool running() const { return m_process.state() == QProcess::Running; }
    // What a person does, as the app's test hook takes it on stdin: "next", "click <objectName>".
    void send(const QByteArray &command) { m_process.write(command + '\n'); }
    // Presses Next until `page` shows (the page before may still be busy); true when it came.
    bool nextUntil(const QByteArray &page, int timeoutMs = 20000)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs && m_process.state() == QProcess::Running) {
            send("next");
            if (waitFor("dps-setup: page " + page, 500))
                return true;
        }
        return waitFor("dps-setup: page " + page, 0);
    }
    // SIGTERM, as a session logout does; true when it ended by that (not by a crash before).
    bool stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return false;
        m_process.terminate();
        m_process.waitForFinished(10000);
        m_err += m_process.readAllStandardError();
        return true;
    }
    std::string log() const { return m_err.toStdString(); }
    bool started() const { return m_started; }

private:
    QProcess m_process;
    QByteArray m_err;
    bool m_started = false;
};

class AppStartTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_home.isValid());
        SandboxProcess::Options options;
        options.world = QStringLiteral("demo");
        m_sandbox = std::make_unique<SandboxProcess>(options);
        QString error;
        ASSERT_TRUE(m_sandbox->start(&error)) << str(error);
    }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), configDir());
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("DPS_SETUP_DATA_DIR"), dataDir());
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("DPS_SETUP_REPORT_STATE"), QStringLiteral("1"));
        for (const char *name : {"AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET"})
            env.remove(QLatin1String(name));
        return env;
    }
    QString configDir() const { return m_home.filePath(QStringLiteral("config")); }
    QString dataDir() const { return m_home.filePath(QStringLiteral("dps")); }
    // Where QSettings("dps-setup", "dps-setup") lives on Linux.
    QString settingsFile() const { return QDir(configDir()).filePath(QStringLiteral("dps-setup/dps-setup.conf")); }
    QString infoFile() const { return QDir(m_sandbox->dir()).filePath(QStringLiteral("info.json")); }

    Setup::PlanInput plan() const
    {
        Setup::PlanInput p;
        p.subscriptionId = Demo::kProduction;
        p.resourceGroup = QStringLiteral("next-start-rg");
        p.location = QStringLiteral("westeurope");
        p.dpsName = QStringLiteral("next-start-dps");
        p.hubName = QStringLiteral("next-start-hub");
        return p;
    }
    // What a session leaves after Finish or Cancel: the plan in the settings.
    void rememberPlan(const QString &json)
    {
        QDir().mkpath(QFileInfo(settingsFile()).path());
        QSettings settings(settingsFile(), QSettings::NativeFormat);
        settings.setValue(QStringLiteral("wizard/lastPlan"), json);
        settings.sync();
        ASSERT_EQ(settings.status(), QSettings::NoError);
    }
    void rememberPlan() { rememberPlan(QString::fromUtf8(QJsonDocument(plan().toJson()).toJson(QJsonDocument::Compact))); }
    void rememberPlan(const Setup::PlanInput &p) { rememberPlan(QString::fromUtf8(QJsonDocument(p.toJson()).toJson(QJsonDocument::Compact))); }
    QString journalFile() const { return QDir(dataDir()).filePath(QStringLiteral("runs/%1.json").arg(plan().journalKey())); }
    void writeFile(const QString &path, const QByteArray &content)
    {
        QDir().mkpath(QFileInfo(path).path());
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(content);
    }

    // Starts the app (signed out, or signed in to the sandbox) and checks that it shows the sign-in page
    // and keeps running; returns its log.
    std::string startAndExpectTheFirstPage(const QList<QByteArray> &messages = {}, bool signedIn = false)
    {
        App app(environment(), signedIn ? QStringList{QStringLiteral("--sandbox-info"), infoFile()} : QStringList{});
        EXPECT_TRUE(app.started());
        EXPECT_TRUE(app.waitFor("dps-setup: page SignIn")) << app.log();
        for (const QByteArray &m : messages)
            EXPECT_TRUE(app.waitFor(m)) << app.log(); // a message the app reported ("dps-setup: message ...")
        QTest::qWait(300); // pages that ask Azure for something at start would do it now
        EXPECT_TRUE(app.running()) << "the app ended by itself:\n" << app.log();
        EXPECT_TRUE(app.stop());
        return app.log();
    }

    QTemporaryDir m_home;
    std::unique_ptr<SandboxProcess> m_sandbox;
};

} // namespace

TEST_F(AppStartTest, AFirstStartShowsTheSignInPage)
{
    const std::string log = startAndExpectTheFirstPage();
    EXPECT_EQ(log.find("dps-setup: message"), std::string::npos) << log;
}

// The strict check of the app's arguments leaves Qt's own alone: a session manager restarts the app with
// -session, people pass -platform or -style.
TEST_F(AppStartTest, QtsOwnOptionsAreTakenNotRefused)
{
    App app(environment(), {QStringLiteral("-platform"), QStringLiteral("offscreen"), QStringLiteral("-reverse"),
                            QStringLiteral("-session"), QStringLiteral("1a2b3c"), QStringLiteral("--style=Fusion")});
    EXPECT_TRUE(app.waitFor("dps-setup: page SignIn")) << app.log();
    EXPECT_TRUE(app.running()) << app.log();
    // A typo still gets the usage, and no window.
    App typo(environment(), {QStringLiteral("-platfrom"), QStringLiteral("offscreen")});
    EXPECT_TRUE(typo.waitFor("Usage")) << typo.log();
    EXPECT_FALSE(typo.waitFor("dps-setup: page", 1000)) << typo.log();
}

// The crash of issue 9: a remembered plan made the hub page ask for hubs before anyone signed in.
TEST_F(AppStartTest, ARememberedPlanStartsSignedOutAndSignedIn)
{
    rememberPlan();
    startAndExpectTheFirstPage();
    startAndExpectTheFirstPage({}, true);
}

TEST_F(AppStartTest, AStoppedRunIsOfferedForResuming)
{
    rememberPlan();
    writeFile(journalFile(), QJsonDocument(QJsonObject{{QStringLiteral("input"), plan().toJson()},
                                                       {QStringLiteral("steps"), QJsonObject{{QStringLiteral("dps"), QStringLiteral("Running")}}},
                                                       {QStringLiteral("resumeTokens"), QJsonObject{}}})
                                 .toJson());
    startAndExpectTheFirstPage({"Your last setup (DPS 'next-start-dps', IoT hub 'next-start-hub') stopped before it finished."});
    EXPECT_TRUE(QFile::exists(journalFile())) << "the journal is kept for the resume";
}

TEST_F(AppStartTest, ARememberedSubscriptionThatIsGoneIsSaidAndAnotherOffered)
{
    Setup::PlanInput p = plan();
    p.subscriptionId = QStringLiteral("1f0c2a6e-0000-4000-8000-0000000000ff"); // deleted, or access taken away
    rememberPlan(p);
    App app(environment(), {QStringLiteral("--sandbox-info"), infoFile()});
    ASSERT_TRUE(app.waitFor("dps-setup: page SignIn")) << app.log();
    ASSERT_TRUE(app.nextUntil("Subscription")) << app.log();
    EXPECT_TRUE(app.waitFor("is not listed any more")) << app.log();
    EXPECT_TRUE(app.waitFor("1f0c2a6e-0000-4000-8000-0000000000ff")) << app.log();
    EXPECT_TRUE(app.running()) << app.log();
}

TEST_F(AppStartTest, ARememberedSubscriptionThatWasDisabledIsSaid)
{
    ASSERT_EQ(changeSubscription(*m_sandbox, Demo::kProduction, QJsonObject{{QStringLiteral("state"), QStringLiteral("Disabled")}}), 200);
    rememberPlan();
    App app(environment(), {QStringLiteral("--sandbox-info"), infoFile()});
    ASSERT_TRUE(app.waitFor("dps-setup: page SignIn")) << app.log();
    ASSERT_TRUE(app.nextUntil("Subscription")) << app.log();
    EXPECT_TRUE(app.waitFor("nothing can be created")) << app.log();
    // Next stays where it is: the page says why.
    app.send("next");
    QTest::qWait(500);
    EXPECT_EQ(app.log().find("dps-setup: page Dps"), std::string::npos) << app.log();
    EXPECT_TRUE(app.running()) << app.log();
}

TEST_F(AppStartTest, TruncatedChoicesAreResetWithAMessage)
{
    const QString json = QString::fromUtf8(QJsonDocument(plan().toJson()).toJson(QJsonDocument::Compact));
    rememberPlan(json.left(json.size() / 2));
    startAndExpectTheFirstPage({"The choices remembered from your last session could not be read and were reset"});
    // Reset: the next start is a clean one.
    const std::string again = startAndExpectTheFirstPage();
    EXPECT_EQ(again.find("could not be read"), std::string::npos) << again;
}

TEST_F(AppStartTest, ASettingsFileOfGarbageStartsClean)
{
    QByteArray garbage;
    for (int i = 0; i < 4096; ++i)
        garbage += char((i * 7919) % 256);
    writeFile(settingsFile(), garbage);
    startAndExpectTheFirstPage({}, true);
}

TEST_F(AppStartTest, ChoicesOfAnOlderFormatAreReadWhereTheyCanBe)
{
    // An older (or hand-edited) plan: other field names and types, values out of range.
    rememberPlan(QStringLiteral(R"({"version":1,"subscription":"x","dpsName":42,"hubUnits":"lots","hubPartitions":1e12,)"
                                R"("dpsUnits":1e300,"allocationWeight":"7","allocationPolicy":17,"link":{"weight":3}})"));
    startAndExpectTheFirstPage();
    startAndExpectTheFirstPage({}, true);
}

TEST_F(AppStartTest, AnUnreadableSettingsFileIsSaid)
{
    // A folder where the file should be: unreadable even for root.
    ASSERT_TRUE(QDir().mkpath(settingsFile()));
    startAndExpectTheFirstPage({"The settings file"});
}

TEST_F(AppStartTest, ADamagedJournalIsSetAsideWithAMessage)
{
    rememberPlan();
    writeFile(journalFile(), QByteArrayLiteral("{\"input\": {\"subscriptionId\": \"e0e0"));
    startAndExpectTheFirstPage({"The record of your last run could not be read and was set aside"});
    EXPECT_FALSE(QFile::exists(journalFile()));
    EXPECT_TRUE(QFile::exists(journalFile() + QStringLiteral(".damaged")));
}

TEST_F(AppStartTest, AJournalOfAnOlderFormatOrUnreadableDoesNotStopTheStart)
{
    rememberPlan();
    writeFile(journalFile(), QByteArrayLiteral(R"({"steps":[1,2,3],"resumeTokens":"https://old.example/op"})"));
    startAndExpectTheFirstPage({"stopped before it finished"}, true);
    QFile::remove(journalFile());
    ASSERT_TRUE(QDir().mkpath(journalFile())); // a folder: cannot be read
    startAndExpectTheFirstPage({"The record of your last run cannot be read", "check the file's permissions"}, true);
}

TEST_F(AppStartTest, TwoInstancesAtOnceBothShowTheirFirstPage)
{
    rememberPlan();
    App first(environment(), {QStringLiteral("--sandbox-info"), infoFile()});
    App second(environment(), {QStringLiteral("--sandbox-info"), infoFile()});
    EXPECT_TRUE(first.waitFor("dps-setup: page SignIn")) << first.log();
    EXPECT_TRUE(second.waitFor("dps-setup: page SignIn")) << second.log();
    QTest::qWait(300);
    EXPECT_TRUE(first.running()) << first.log();
    EXPECT_TRUE(second.running()) << second.log();
    EXPECT_TRUE(first.stop());
    EXPECT_TRUE(second.stop());
    // The remembered plan is still whole.
    QSettings settings(settingsFile(), QSettings::NativeFormat);
    const QJsonDocument doc = QJsonDocument::fromJson(settings.value(QStringLiteral("wizard/lastPlan")).toString().toUtf8());
    EXPECT_EQ(doc.object().value(QStringLiteral("dpsName")).toString(), QStringLiteral("next-start-dps"));
}

// Two runs of the same plan at once (two windows, a window and a script): the second says so and
// changes nothing; the journal stays whole and the first finishes.
TEST_F(AppStartTest, TheSamePlanRunByTwoProcessesAtOnce)
{
    SandboxProcess::Options options;
    options.world = QStringLiteral("demo");
    options.lroSeconds = QStringLiteral("2,3,1"); // long enough for the second to come while the first runs
    m_sandbox = std::make_unique<SandboxProcess>(options);
    QString error;
    ASSERT_TRUE(m_sandbox->start(&error)) << str(error);
    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    const QStringList args{QStringLiteral("setup"), QStringLiteral("--cloud"), QStringLiteral("sandbox"), QStringLiteral("--sandbox-info"), infoFile(),
                           QStringLiteral("--subscription"), Demo::kProduction, QStringLiteral("--resource-group"), QStringLiteral("next-start-rg"),
                           QStringLiteral("--location"), QStringLiteral("westeurope"), QStringLiteral("--dps"), QStringLiteral("next-start-dps"),
                           QStringLiteral("--hub"), QStringLiteral("next-start-hub"), QStringLiteral("--hub-sku"), QStringLiteral("S1")};
    QProcess first;
    first.setProcessEnvironment(env);
    first.start(QStringLiteral(DPS_SETUP_PATH), args);
    ASSERT_TRUE(first.waitForStarted());
    // Wait until the first holds the run (its journal exists), then start the second.
    ASSERT_TRUE(QTest::qWaitFor([&] { return QFile::exists(journalFile()) || first.state() == QProcess::NotRunning; }, 20000));
    ASSERT_EQ(first.state(), QProcess::Running) << first.readAllStandardError().toStdString();
    QProcess second;
    second.setProcessEnvironment(env);
    second.start(QStringLiteral(DPS_SETUP_PATH), args);
    ASSERT_TRUE(second.waitForFinished(30000));
    const QByteArray secondErr = second.readAllStandardError();
    EXPECT_EQ(second.exitCode(), 1) << secondErr.toStdString();
    EXPECT_TRUE(secondErr.contains("is running in another DPS Setup")) << secondErr.toStdString();
    QFile journal(journalFile());
    if (journal.open(QIODevice::ReadOnly)) {
        QJsonParseError error;
        QJsonDocument::fromJson(journal.readAll(), &error);
        EXPECT_EQ(error.error, QJsonParseError::NoError) << "the journal is whole while the first runs";
    }
    ASSERT_TRUE(first.waitForFinished(60000));
    EXPECT_EQ(first.exitCode(), 0) << first.readAllStandardError().toStdString();
    // Each resource was created once.
    const RequestLog log = fetchRequestLog(*m_sandbox);
    EXPECT_EQ(log.count([](const LoggedRequest &e) { return e.method == QLatin1String("PUT") && e.path.endsWith(QLatin1String("/IotHubs/next-start-hub")); }), 1)
        << str(log.dump());
}
