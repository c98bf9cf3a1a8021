// bench_wizard's baseline: the smallest Qt Widgets program (QApplication and one QLabel shown), built like
// dps-setup (qt_add_executable, dps_compile_options, the same build type), so that the cold start and the
// idle memory of the app can be given as a ratio to what Qt itself costs on this machine.
//
// The same opt-in hooks as dps-setup (app/Application.cpp): once the label's window is first exposed,
// DPS_SETUP_REPORT_SHOWN=1 prints "bench_hello_widget: shown" on stderr and DPS_SETUP_EXIT_WHEN_SHOWN=1
// quits with exit code 0.
#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QTextStream>
#include <QWindow>

namespace Dps {
namespace {

class FirstExposeHook : public QObject
{
public:
    FirstExposeHook(QWindow *window, bool report, bool exit)
        : QObject(window)
        , m_report(report)
        , m_exit(exit)
    {
        // A platform may expose the window synchronously inside show().
        if (window->isExposed())
            fire();
        else
            window->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Expose && static_cast<QWindow *>(watched)->isExposed())
            fire();
        return false;
    }

private:
    void fire()
    {
        parent()->removeEventFilter(this);
        if (m_report)
            QTextStream(stderr) << "bench_hello_widget: shown" << Qt::endl;
        // Queued: exit() does nothing before exec() runs, and the expose may come before it.
        if (m_exit)
            QMetaObject::invokeMethod(qApp, [] { QCoreApplication::exit(0); }, Qt::QueuedConnection);
        deleteLater();
    }

    bool m_report;
    bool m_exit;
};

} // namespace
} // namespace Dps

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QLabel label(QStringLiteral("Hello, world"));
    label.show();
    const bool report = qEnvironmentVariableIntValue("DPS_SETUP_REPORT_SHOWN") == 1;
    const bool exit = qEnvironmentVariableIntValue("DPS_SETUP_EXIT_WHEN_SHOWN") == 1;
    if ((report || exit) && label.windowHandle())
        new Dps::FirstExposeHook(label.windowHandle(), report, exit);
    return app.exec();
}
