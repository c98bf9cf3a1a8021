#include "PrivateBus.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QThread>
#include <QUuid>

namespace Dps::Test {

PrivateBus::PrivateBus()
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return;
    }
    QDir root(m_dir.path());
    root.mkpath(QStringLiteral("run"));
    QFile::setPermissions(root.filePath(QStringLiteral("run")),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    // A session bus like dbus-run-session's, minus <servicedir>s and <standard_session_servicedirs/>.
    QFile config(root.filePath(QStringLiteral("bus.conf")));
    if (!config.open(QIODevice::WriteOnly)) {
        m_error = QStringLiteral("cannot write bus.conf");
        return;
    }
    config.write(
        QStringLiteral(
            "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
            " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
            "<busconfig>\n"
            "  <type>session</type>\n"
            "  <listen>unix:dir=%1</listen>\n"
            "  <auth>EXTERNAL</auth>\n"
            "  <policy context=\"default\">\n"
            "    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
            "    <allow eavesdrop=\"true\"/>\n"
            "    <allow own=\"*\"/>\n"
            "  </policy>\n"
            "</busconfig>\n")
            .arg(root.filePath(QStringLiteral("run")))
            .toUtf8());
    config.close();

    m_bus.setProgram(QStringLiteral("dbus-daemon"));
    m_bus.setArguments({QStringLiteral("--config-file=") + config.fileName(),
                        QStringLiteral("--nofork"),
                        QStringLiteral("--print-address=1")});
    m_bus.setProcessChannelMode(QProcess::SeparateChannels);
    m_bus.setStandardErrorFile(QProcess::nullDevice()); // "Failed to set fd limit" noise
    m_bus.start();
    if (!m_bus.waitForStarted(5000)) {
        m_error = QStringLiteral("dbus-daemon did not start: ") + m_bus.errorString();
        return;
    }
    const QDeadlineTimer deadline(5000);
    QByteArray out;
    while (!out.contains('\n') && !deadline.hasExpired() && m_bus.state() == QProcess::Running) {
        m_bus.waitForReadyRead(100);
        out += m_bus.readAllStandardOutput();
    }
    m_address = QString::fromUtf8(out.left(out.indexOf('\n')).trimmed());
    if (m_address.isEmpty())
        m_error = QStringLiteral("dbus-daemon printed no address");
}

PrivateBus::~PrivateBus()
{
    for (QProcess *process : {&m_keyring, &m_bus}) {
        if (process->state() == QProcess::NotRunning)
            continue;
        process->terminate();
        if (!process->waitForFinished(3000)) {
            process->kill();
            process->waitForFinished(3000);
        }
    }
}

QString PrivateBus::home() const
{
    return m_dir.filePath(QStringLiteral("home"));
}

QString PrivateBus::runtimeDir() const
{
    return m_dir.filePath(QStringLiteral("run"));
}

QProcessEnvironment PrivateBus::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString home = this->home();
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/.cache"));
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_address);
    for (const char *name : {"DISPLAY",
                             "WAYLAND_DISPLAY",
                             "XDG_CURRENT_DESKTOP",
                             "DESKTOP_SESSION",
                             "KDE_FULL_SESSION",
                             "KDE_SESSION_VERSION",
                             "GNOME_DESKTOP_SESSION_ID",
                             "GNOME_KEYRING_CONTROL"})
        env.remove(QString::fromLatin1(name));
    return env;
}

bool PrivateBus::startKeyring(const QByteArray &password, int timeoutMs)
{
    if (!isValid())
        return false;
    QDir().mkpath(home());
    m_keyring.setProgram(QStringLiteral("gnome-keyring-daemon"));
    m_keyring.setArguments({QStringLiteral("--foreground"),
                            QStringLiteral("--unlock"),
                            QStringLiteral("--components=secrets")});
    m_keyring.setProcessEnvironment(environment());
    m_keyring.setStandardOutputFile(QProcess::nullDevice());
    m_keyring.setStandardErrorFile(m_dir.filePath(QStringLiteral("keyring.log")));
    m_keyring.start();
    if (!m_keyring.waitForStarted(5000))
        return false;
    m_keyring.write(password);
    m_keyring.waitForBytesWritten(5000); // nothing runs an event loop here to send it
    m_keyring.closeWriteChannel();
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (secretServiceOwned())
            return true;
        QThread::msleep(50);
    }
    QFile log(m_dir.filePath(QStringLiteral("keyring.log")));
    log.open(QIODevice::ReadOnly);
    m_error = QStringLiteral("gnome-keyring did not come up (state %1): %2")
                  .arg(int(m_keyring.state()))
                  .arg(QString::fromLocal8Bit(log.readAll()));
    return false;
}

bool PrivateBus::secretServiceOwned() const
{
    const QString name = QStringLiteral("dps-private-bus-")
                         + QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool owned = false;
    {
        QDBusConnection bus = QDBusConnection::connectToBus(m_address, name);
        if (bus.isConnected())
            owned = bus.interface()
                        ->isServiceRegistered(QStringLiteral("org.freedesktop.secrets"))
                        .value();
    }
    QDBusConnection::disconnectFromBus(name);
    return owned;
}

QStringList filesUnder(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir,
                    QDir::Files | QDir::Hidden | QDir::NoSymLinks,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(dir).relativeFilePath(it.next());
    files.sort();
    return files;
}

QStringList filesContaining(const QString &dir, const QByteArray &value)
{
    // Base64 of `value` at each of the three byte alignments it can have inside a longer entry; the
    // first and last groups of 4 characters mix in neighbouring bytes, so leave them out.
    QList<QByteArray> needles{value};
    for (int offset = 0; offset < 3; ++offset) {
        const QByteArray encoded = (QByteArray(offset, '\0') + value).toBase64();
        if (encoded.size() > 16)
            needles << encoded.mid(4, encoded.size() - 8);
    }
    QStringList hits;
    for (const QString &relative : filesUnder(dir)) {
        QFile file(QDir(dir).filePath(relative));
        if (file.size() > 16 * 1024 * 1024 || !file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray content = file.readAll();
        for (const QByteArray &needle : std::as_const(needles)) {
            if (content.contains(needle)) {
                hits << relative;
                break;
            }
        }
    }
    return hits;
}

} // namespace Dps::Test
