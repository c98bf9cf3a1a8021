// main() of tst_secrets_keychain. Three ways in:
//  * as a test run outside a private keyring: runs itself again through with-keyring.sh, which gives
//    it a private D-Bus session with an unlocked gnome-keyring and a throwaway HOME;
//  * as a test run inside one made for this very process (DPS_TEST_PRIVATE_KEYRING holds its process
//    id), or when only listing tests: GoogleTest;
//  * as `--client <probe|write|read|remove|raw-insecure-write> <key> [retry delay ms]`: one store
//    operation in a fresh process, for tests that give that process an environment of its own (no
//    Secret Service, no D-Bus, a keyring that starts late). A value to write comes on stdin (never
//    on the command line). Prints one JSON line: {"ok":true,"value":"<base64>"} or
//    {"ok":false,"kind":"NoBackend","message":"...","userMessage":"..."}.
#include "secrets/KeychainSecretStore.h"
#include "secrets/SecretStoreAvailability.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <cstring>
#include <iostream>
#include <unistd.h>
#include <vector>

using namespace Dps::Secrets;

namespace {

void printResult(bool ok, const QByteArray &value, const SecretError &error)
{
    QJsonObject out{{QStringLiteral("ok"), ok}};
    if (ok) {
        out.insert(QStringLiteral("value"), QString::fromLatin1(value.toBase64()));
    } else {
        out.insert(QStringLiteral("kind"), SecretError::kindName(error.kind));
        out.insert(QStringLiteral("message"), error.message);
        out.insert(QStringLiteral("userMessage"), error.userMessage());
    }
    std::cout << QJsonDocument(out).toJson(QJsonDocument::Compact).constData() << std::endl;
}

int runClient(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4) {
        std::cerr << "usage: --client <probe|write|read|remove|raw-insecure-write> <key> [retry "
                     "delay ms]\n";
        return 2;
    }
    const QString command = args.at(2);
    const QString key = args.at(3);
    QByteArray value;
    if (command == QLatin1String("write") || command == QLatin1String("raw-insecure-write")) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return 2;
        value = in.readAll();
    }

    if (command == QLatin1String("raw-insecure-write")) {
        // The control experiment: plain QtKeychain *with* the plaintext fallback our store never
        // enables, so a test can show that its file scan would catch a fallback.
        auto *job = new QKeychain::WritePasswordJob(QStringLiteral("dps-setup-test"));
        job->setInsecureFallback(true);
        job->setKey(key);
        job->setBinaryData(value);
        QObject::connect(job, &QKeychain::Job::finished, &app, [](QKeychain::Job *j) {
            const SecretError error = keychainError(j->error(), j->errorString());
            printResult(j->error() == QKeychain::NoError, {}, error);
            QCoreApplication::exit(0);
        });
        job->start();
        return app.exec();
    }

    KeychainSecretStore::Options options;
    options.service = QStringLiteral("dps-setup-test");
    if (args.size() > 4)
        options.retryDelayMs = args.at(4).toInt();
    KeychainSecretStore store(options);
    auto report = [](bool ok, const QByteArray &result, const SecretError &error) {
        printResult(ok, result, error);
        QCoreApplication::exit(0);
    };
    if (command == QLatin1String("probe")) {
        auto *probe = SecretStoreAvailability::probe(&store);
        QObject::connect(probe, &SecretStoreAvailability::finished, &app, [report] {
            report(true, {}, {});
        });
        QObject::connect(probe,
                         &SecretStoreAvailability::failed,
                         &app,
                         [report](const SecretError &error) { report(false, {}, error); });
        return app.exec();
    }
    SecretJob *job = nullptr;
    if (command == QLatin1String("write"))
        job = store.write(key, value);
    else if (command == QLatin1String("read"))
        job = store.read(key);
    else if (command == QLatin1String("remove"))
        job = store.remove(key);
    if (!job) {
        std::cerr << "unknown command\n";
        return 2;
    }
    QObject::connect(job, &SecretJob::finished, &app, [report](const QByteArray &result) {
        report(true, result, {});
    });
    QObject::connect(job, &SecretJob::failed, &app, [report](const SecretError &error) {
        report(false, {}, error);
    });
    return app.exec();
}

bool insidePrivateKeyring()
{
    // A session inherited from a parent (a whole ctest run inside with-keyring.sh) doesn't count: the
    // locked-keyring tests would lock it under the feet of tests running next to them.
    return qEnvironmentVariableIntValue("DPS_TEST_PRIVATE_KEYRING") == int(getpid());
}

bool onlyListing(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--gtest_list_tests") == 0 || std::strcmp(argv[i], "--help") == 0)
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc >= 2 && std::strcmp(argv[1], "--client") == 0)
        return runClient(argc, argv);

    if (!insidePrivateKeyring() && !onlyListing(argc, argv)) {
        // Once only: if the script did not give us a session of our own, stop rather than loop.
        if (qEnvironmentVariableIsSet("DPS_TEST_KEYRING_REEXEC")) {
            std::cerr << DPS_WITH_KEYRING_SCRIPT
                      << " did not set DPS_TEST_PRIVATE_KEYRING to this process\n";
            return 1;
        }
        qputenv("DPS_TEST_KEYRING_REEXEC", "1");
        char self[4096] = {};
        const ssize_t length = readlink("/proc/self/exe", self, sizeof self - 1);
        std::vector<char *> args{const_cast<char *>(DPS_WITH_KEYRING_SCRIPT),
                                 length > 0 ? self : argv[0]};
        for (int i = 1; i < argc; ++i)
            args.push_back(argv[i]);
        args.push_back(nullptr);
        execv(DPS_WITH_KEYRING_SCRIPT, args.data());
        std::cerr << "cannot run " << DPS_WITH_KEYRING_SCRIPT << ": " << std::strerror(errno)
                  << '\n';
        return 1;
    }

    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
