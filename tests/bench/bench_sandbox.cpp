// Benchmark of arm-sandbox (prints figures; asserts nothing):
//  1. start-up: process start until the info file is written, per world (min / median / max of N runs);
//  2. resident memory once started, per world;
//  3. GET requests per second that one sandbox process sustains when pinned to one core
//     (load from `wrk` pinned to the other core, over keep-alive HTTP on loopback).
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

QString sandboxBinary()
{
    const QString fromEnv = qEnvironmentVariable("DPS_ARM_SANDBOX");
    return fromEnv.isEmpty() ? QStringLiteral(DPS_ARM_SANDBOX_PATH) : fromEnv;
}

struct Running
{
    QProcess process;
    QJsonObject info;
};

bool startSandbox(Running &r, const QString &world, const QString &dir, const QStringList &prefix = {})
{
    const QString infoPath = dir + QStringLiteral("/info.json");
    QFile::remove(infoPath);
    QStringList args = prefix;
    args << sandboxBinary() << QStringLiteral("--port") << QStringLiteral("0") << QStringLiteral("--world") << world
         << QStringLiteral("--info-file") << infoPath;
    r.process.setProcessChannelMode(QProcess::ForwardedOutputChannel);
    r.process.setStandardErrorFile(QProcess::nullDevice());
    const QString program = args.takeFirst();
    r.process.start(program, args);
    if (!r.process.waitForStarted(10000))
        return false;
    QElapsedTimer guard;
    guard.start();
    while (guard.elapsed() < 60000) {
        QFile f(infoPath);
        if (f.size() > 0 && f.open(QIODevice::ReadOnly)) {
            const auto doc = QJsonDocument::fromJson(f.readAll());
            if (doc.isObject()) {
                r.info = doc.object();
                return true;
            }
        }
        QThread::usleep(200);
    }
    return false;
}

void stopSandbox(Running &r)
{
    r.process.terminate();
    if (!r.process.waitForFinished(10000))
        r.process.kill();
}

long rssKb(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QString text = QString::fromLatin1(f.readAll());
    const auto m = QRegularExpression(QStringLiteral("VmRSS:\\s+(\\d+) kB")).match(text);
    return m.hasMatch() ? m.captured(1).toLong() : -1;
}

QString summary(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return QStringLiteral("min %1 ms, median %2 ms, max %3 ms (n=%4)")
        .arg(v.front(), 0, 'f', 1).arg(v[v.size() / 2], 0, 'f', 1).arg(v.back(), 0, 'f', 1).arg(v.size());
}

QString mintToken(const QJsonObject &info)
{
    // The admin API mints a token for the world's first user (test-only endpoint, loopback).
    QProcess curl;
    const QString url = info.value(QStringLiteral("armEndpoint")).toString() + QStringLiteral("_sandbox/tokens");
    const QString body = QStringLiteral("{\"username\":\"%1\"}").arg(info.value(QStringLiteral("user")).toObject().value(QStringLiteral("username")).toString());
    curl.start(QStringLiteral("curl"), {QStringLiteral("-s"), QStringLiteral("-X"), QStringLiteral("POST"), QStringLiteral("-H"),
                                        QStringLiteral("Content-Type: application/json"), QStringLiteral("-d"), body, url});
    curl.waitForFinished(10000);
    return QJsonDocument::fromJson(curl.readAllStandardOutput()).object().value(QStringLiteral("access_token")).toString();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTemporaryDir dir;
    const int runs = qEnvironmentVariableIntValue("BENCH_RUNS") > 0 ? qEnvironmentVariableIntValue("BENCH_RUNS") : 10;

    out << "arm-sandbox benchmark (" << sandboxBinary() << ")\n";
    for (const QString &world : {QStringLiteral("empty"), QStringLiteral("demo"), QStringLiteral("scale:10:200")}) {
        std::vector<double> times;
        long rss = -1;
        for (int i = 0; i < runs; ++i) {
            Running r;
            QElapsedTimer t;
            t.start();
            if (!startSandbox(r, world, dir.path())) {
                out << "  " << world << ": failed to start\n";
                return 1;
            }
            times.push_back(t.nsecsElapsed() / 1e6);
            if (i == 0) {
                QThread::msleep(100);
                rss = rssKb(r.process.processId());
            }
            stopSandbox(r);
        }
        out << QStringLiteral("start-up to info file, world %1: %2; RSS %3 MiB\n")
                   .arg(world, -13).arg(summary(times)).arg(rss / 1024.0, 0, 'f', 1);
        out.flush();
    }

    const QString wrk = QStandardPaths::findExecutable(QStringLiteral("wrk"));
    const QString taskset = QStandardPaths::findExecutable(QStringLiteral("taskset"));
    if (wrk.isEmpty() || taskset.isEmpty()) {
        out << "GET throughput: skipped (wrk and taskset are needed: apt-get install wrk util-linux)\n";
        return 0;
    }
    Running r;
    if (!startSandbox(r, QStringLiteral("demo"), dir.path(), {taskset, QStringLiteral("-c"), QStringLiteral("0")})) {
        out << "GET throughput: sandbox failed to start\n";
        return 1;
    }
    const QString token = mintToken(r.info);
    const QString base = r.info.value(QStringLiteral("armEndpoint")).toString();
    const QString sub = r.info.value(QStringLiteral("subscriptions")).toArray().at(0).toObject().value(QStringLiteral("subscriptionId")).toString();
    // The throttling buckets would (correctly) answer 429 under this load; lift them for the measurement.
    QProcess::execute(QStringLiteral("curl"), {QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-X"), QStringLiteral("POST"),
                                               QStringLiteral("-H"), QStringLiteral("Content-Type: application/json"),
                                               QStringLiteral("-d"), QStringLiteral("{\"readBucket\":100000,\"readRefillPerSec\":100000}"),
                                               base + QStringLiteral("_sandbox/options")});
    const QList<QPair<QString, QString>> targets{
        {QStringLiteral("GET hub"), QStringLiteral("subscriptions/%1/resourceGroups/iot-prod-rg/providers/Microsoft.Devices/IotHubs/contoso-hub-weu?api-version=2023-06-30").arg(sub)},
        {QStringLiteral("GET DPS"), QStringLiteral("subscriptions/%1/resourceGroups/iot-prod-rg/providers/Microsoft.Devices/provisioningServices/contoso-dps?api-version=2022-12-12").arg(sub)},
        {QStringLiteral("GET subscriptions"), QStringLiteral("subscriptions?api-version=2022-12-01")}};
    const int seconds = qEnvironmentVariableIntValue("BENCH_SECONDS") > 0 ? qEnvironmentVariableIntValue("BENCH_SECONDS") : 5;
    for (const auto &target : targets) {
        QProcess load;
        load.start(taskset, {QStringLiteral("-c"), QStringLiteral("1"), wrk, QStringLiteral("-t1"), QStringLiteral("-c16"),
                             QStringLiteral("-d%1s").arg(seconds), QStringLiteral("-H"), QStringLiteral("Authorization: Bearer ") + token,
                             base + target.second});
        load.waitForFinished(seconds * 1000 + 30000);
        const QString text = QString::fromLocal8Bit(load.readAllStandardOutput());
        const auto rps = QRegularExpression(QStringLiteral("Requests/sec:\\s+([0-9.]+)")).match(text);
        const auto latency = QRegularExpression(QStringLiteral("Latency\\s+(\\S+)")).match(text);
        const auto non2xx = QRegularExpression(QStringLiteral("Non-2xx or 3xx responses: (\\d+)")).match(text);
        out << QStringLiteral("%1 on one core: %2 requests/s, mean latency %3 (16 connections, %4 s)%5\n")
                   .arg(target.first, -18)
                   .arg(rps.hasMatch() ? rps.captured(1) : QStringLiteral("?"))
                   .arg(latency.hasMatch() ? latency.captured(1) : QStringLiteral("?"))
                   .arg(seconds)
                   .arg(non2xx.hasMatch() ? QStringLiteral(", %1 non-2xx!").arg(non2xx.captured(1)) : QString());
        out.flush();
    }
    out << QStringLiteral("RSS of the demo sandbox after the load: %1 MiB\n").arg(rssKb(r.process.processId()) / 1024.0, 0, 'f', 1);
    stopSandbox(r);
    return 0;
}
