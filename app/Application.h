#pragma once

#include "ui/Translator.h"

#include <QApplication>
#include <QLocale>

#include <memory>

namespace Dps {

class MainWindow;

// The composition root (STYLE.md section 1), the only place that picks concrete classes: it reads
// the command line, installs the translations and shows the main window.
class Application : public QApplication
{
    Q_OBJECT

public:
    Application(int &argc, char **argv);
    ~Application() override;

    // Runs the application and returns its exit code.
    int run();

private:
    QLocale requestedLocale() const;

    Translator m_translator;
    std::unique_ptr<MainWindow> m_mainWindow;
};

} // namespace Dps
