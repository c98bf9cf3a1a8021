#include "MainWindow.h"

#include "AppIcon.h"
#include "setup/SetupController.h"
#include "wizard/SetupWizard.h"

#include <QAction>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QEvent>
#include <QFont>
#include <QGuiApplication>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QVBoxLayout>

namespace Dps {

namespace {
constexpr int LogoSize = 96;
constexpr int AboutIconSize = 64;
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(applicationIcon());

    menuBar()->setObjectName(QStringLiteral("menuBar"));
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->setObjectName(QStringLiteral("fileMenu"));
    m_quitAction = m_fileMenu->addAction(QString());
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    // Closing the last window ends the application, and later pages get a chance to object.
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->setObjectName(QStringLiteral("helpMenu"));
    m_aboutAction = m_helpMenu->addAction(QString());
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    auto *central = new QWidget(this);
    m_logo = new QLabel(central);
    m_logo->setObjectName(QStringLiteral("logo"));
    m_logo->setPixmap(applicationIcon().pixmap(LogoSize));
    m_logo->setAlignment(Qt::AlignCenter);

    m_heading = new QLabel(central);
    m_heading->setObjectName(QStringLiteral("heading"));
    m_heading->setAlignment(Qt::AlignCenter);
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.5);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);

    m_welcome = new QLabel(central);
    m_welcome->setObjectName(QStringLiteral("welcomeText"));
    m_welcome->setAlignment(Qt::AlignCenter);
    m_welcome->setWordWrap(true);
    m_welcome->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(32, 32, 32, 32);
    layout->setSpacing(16);
    layout->addStretch();
    layout->addWidget(m_logo);
    layout->addWidget(m_heading);
    layout->addWidget(m_welcome);
    layout->addStretch();
    setCentralWidget(central);

    retranslateUi();
    resize(640, 440);
}

void MainWindow::setWizard(Ui::SetupWizard *wizard)
{
    m_wizard = wizard;
    m_wizardFinished = false;
    wizard->setWindowFlags(Qt::Widget);
    setCentralWidget(wizard); // the welcome widgets go with the old central widget
    m_logo = nullptr;
    m_heading = nullptr;
    m_welcome = nullptr;
    connect(wizard, &QDialog::finished, this, [this] {
        m_wizardFinished = true;
        // Queued: this may run inside our own closeEvent (close during Apply), where close() does nothing.
        QMetaObject::invokeMethod(this, &QWidget::close, Qt::QueuedConnection);
    });
    resize(wizard->size());
    connect(&wizard->controller(), &Setup::SetupController::signedIn, this, &MainWindow::retranslateUi);
    connect(&wizard->controller(), &Setup::SetupController::signedOut, this, &MainWindow::retranslateUi);
    retranslateUi();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_wizard && !m_wizardFinished && m_wizard->closeNeedsConfirmation()) {
        // The wizard asks (close a half-filled setup? stop the running one?), as for Esc; if the
        // person agrees it finishes, which closes us.
        event->ignore();
        m_wizard->reject();
        return;
    }
    if (m_wizard)
        m_wizard->controller().rememberChoices();
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslateUi()
{
    // Working against the local sandbox shows in the title, on every page. Platforms append the
    // application's display name to a title that doesn't end with it already, so the title ends with
    // it (and the display name follows the language): "Local sandbox — DPS Setup", never the name twice.
    const QString app = tr("DPS Setup");
    QGuiApplication::setApplicationDisplayName(app);
    //: Window title; %1 is the application's name, which must stay at the end.
    setWindowTitle(m_wizard && m_wizard->controller().isSandbox() ? tr("Local sandbox — %1").arg(app) : app);
    menuBar()->setAccessibleName(tr("Main menu"));
    m_fileMenu->setTitle(tr("&File"));
    m_quitAction->setText(tr("&Quit"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About DPS Setup"));

    if (!m_welcome)
        return;
    m_logo->setAccessibleName(tr("DPS Setup logo"));
    m_heading->setText(tr("Welcome to DPS Setup"));
    m_welcome->setText(
        tr("This app guides you through setting up an Azure IoT Hub Device Provisioning "
           "Service without the Azure portal: sign in, create the provisioning service, create or "
           "pick an IoT hub, link the two and choose how devices are allocated to hubs."));
    m_welcome->setAccessibleName(tr("Welcome message"));
}

void MainWindow::showAbout()
{
    // open(), not exec(): no nested event loop (STYLE.md section 3).
    auto *box = new QMessageBox(this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("aboutBox"));
    // The platform adds " — DPS Setup" to every title (applicationDisplayName): the app is named once.
    box->setWindowTitle(tr("About"));
    box->setIconPixmap(applicationIcon().pixmap(AboutIconSize));
    box->setText(tr("DPS Setup %1").arg(QCoreApplication::applicationVersion()));
    box->setInformativeText(
        tr("Sets up an Azure IoT Hub Device Provisioning Service and links it to IoT hubs, without "
           "the Azure portal. Built with Qt %1.")
            .arg(QLatin1String(qVersion())));
    box->setStandardButtons(QMessageBox::Close);
    box->open();
}

} // namespace Dps
