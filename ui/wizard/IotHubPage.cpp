#include "NameChecker.h"
#include "Pages.h"
#include "ui/widgets/FieldMessage.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Dps::Ui {

using NameKind = Setup::SetupController::NameKind;

namespace {
struct Tier
{
    const char *sku;
    int maxUnits;
};
const Tier kTiers[] = {{"F1", 1}, {"B1", 200}, {"B2", 200}, {"B3", 10}, {"S1", 200}, {"S2", 200}, {"S3", 10}};

QString tierName(const QString &sku)
{
    if (sku == QLatin1String("F1"))
        return IotHubPage::tr("F1 – Free");
    if (sku.startsWith(QLatin1Char('B')))
        return IotHubPage::tr("%1 – Basic").arg(sku);
    return IotHubPage::tr("%1 – Standard").arg(sku);
}

QString tierInfo(const QString &sku)
{
    if (sku == QLatin1String("F1"))
        return IotHubPage::tr("Free: 8,000 messages a day, one unit, two partitions; one free hub per subscription. "
                              "For trying things out.");
    if (sku == QLatin1String("B1"))
        return IotHubPage::tr("Basic: 400,000 messages a day per unit; devices can only send. No cloud-to-device messages, "
                              "device twins or direct methods.");
    if (sku == QLatin1String("B2"))
        return IotHubPage::tr("Basic: 6 million messages a day per unit; devices can only send. No cloud-to-device messages, "
                              "device twins or direct methods.");
    if (sku == QLatin1String("B3"))
        return IotHubPage::tr("Basic: 300 million messages a day per unit, at most 10 units; devices can only send.");
    if (sku == QLatin1String("S1"))
        return IotHubPage::tr("Standard: 400,000 messages a day per unit, with cloud-to-device messages, device twins, "
                              "direct methods and routing. The usual choice.");
    if (sku == QLatin1String("S2"))
        return IotHubPage::tr("Standard: 6 million messages a day per unit, with every IoT Hub feature.");
    return IotHubPage::tr("Standard: 300 million messages a day per unit, at most 10 units, with every IoT Hub feature.");
}
} // namespace

IotHubPage::IotHubPage(Setup::SetupController &controller, QWidget *parent)
    : WizardPage(controller, parent)
{
    setObjectName(QStringLiteral("iotHubPage"));
    setTitle(tr("IoT hub"));
    setSubTitle(tr("Devices send their data to an IoT hub. Create one, or use one you have, from this or another "
                   "subscription."));

    m_new = new QRadioButton(tr("Create a ne&w IoT hub"), this);
    m_new->setObjectName(QStringLiteral("newHubRadio"));
    m_existing = new QRadioButton(tr("Use an &existing IoT hub"), this);
    m_existing->setObjectName(QStringLiteral("existingHubRadio"));
    m_new->setChecked(true);
    auto *choice = exclusive({m_new, m_existing});
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("hubNameEdit"));
    m_name->setAccessibleName(tr("IoT hub name"));
    // Longer than the 50 Azure allows, so a pasted name is not cut silently: the check says it is too long.
    m_name->setMaxLength(200);
    m_nameMessage = new FieldMessage(m_name, this);
    m_nameMessage->setObjectName(QStringLiteral("hubNameMessage"));
    m_tier = new QComboBox(this);
    m_tier->setObjectName(QStringLiteral("hubTierCombo"));
    m_tier->setAccessibleName(tr("Pricing and scale tier"));
    for (const Tier &t : kTiers)
        m_tier->addItem(tierName(QLatin1String(t.sku)), QLatin1String(t.sku));
    m_tierInfo = new QLabel(this);
    m_tierInfo->setObjectName(QStringLiteral("hubTierInfo"));
    wrapText(m_tierInfo);
    m_tierMessage = new FieldMessage(m_tier, this);
    m_tierMessage->setObjectName(QStringLiteral("hubTierMessage"));
    m_units = new QSpinBox(this);
    m_units->setObjectName(QStringLiteral("hubUnitsSpin"));
    m_units->setAccessibleName(tr("Units"));
    m_partitions = new QSpinBox(this);
    m_partitions->setObjectName(QStringLiteral("hubPartitionsSpin"));
    m_partitions->setAccessibleName(tr("Device-to-cloud partitions"));
    m_partitions->setToolTip(tr("How many readers can process device messages in parallel. It cannot be changed later."));
    m_region = new QComboBox(this);
    m_region->setObjectName(QStringLiteral("hubRegionCombo"));
    m_region->setAccessibleName(tr("IoT hub region"));
    m_hubSubscription = new QComboBox(this);
    m_hubSubscription->setObjectName(QStringLiteral("hubSubscriptionCombo"));
    m_hubSubscription->setAccessibleName(tr("Subscription of the existing hub"));
    m_hubs = new QComboBox(this);
    m_hubs->setObjectName(QStringLiteral("hubCombo"));
    m_hubs->setAccessibleName(tr("Existing IoT hub"));
    m_hubsMessage = new FieldMessage(m_hubs, this);
    m_hubsMessage->setObjectName(QStringLiteral("hubListMessage"));

    auto *form = new QFormLayout;
    form->addRow(m_new);
    addLabeledRow(form, tr("N&ame:"), m_name);
    form->addRow(QString(), m_nameMessage);
    addLabeledRow(form, tr("&Tier:"), m_tier);
    form->addRow(QString(), m_tierInfo);
    form->addRow(QString(), m_tierMessage);
    addLabeledRow(form, tr("&Units:"), m_units);
    addLabeledRow(form, tr("&Partitions:"), m_partitions);
    addLabeledRow(form, tr("Re&gion:"), m_region);
    form->addRow(m_existing);
    addLabeledRow(form, tr("Subs&cription:"), m_hubSubscription);
    addLabeledRow(form, tr("&Hub:"), m_hubs);
    form->addRow(QString(), m_hubsMessage);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();

    connect(choice, &QButtonGroup::buttonToggled, this, &IotHubPage::updateMode);
    m_nameCheck = new NameChecker(controller, NameKind::Hub, m_name, m_nameMessage, this);
    connect(m_nameCheck, &NameChecker::changed, this, &IotHubPage::completeChanged);
    connect(m_name, &QLineEdit::textEdited, this, &IotHubPage::onNameEdited);
    connect(m_tier, &QComboBox::currentIndexChanged, this, &IotHubPage::updateTier);
    connect(m_hubSubscription, &QComboBox::currentIndexChanged, this, &IotHubPage::onHubSubscriptionChosen);
    connect(m_hubs, &QComboBox::currentIndexChanged, this, &IotHubPage::completeChanged);
    connect(&controller, &Setup::SetupController::locationsChanged, this,
            [this](const QString &sub, const QList<Arm::Location> &locations) {
                if (sub != plan().subscriptionId)
                    return;
                const QString want = wizard() && wizard()->currentPage() == this && !m_region->currentData().toString().isEmpty()
                                         ? m_region->currentData().toString()
                                         : plan().effectiveHubLocation();
                QSignalBlocker block(m_region);
                m_region->clear();
                for (const auto &l : locations)
                    m_region->addItem(l.displayName.isEmpty() ? l.name : l.displayName, l.name);
                const int i = m_region->findData(want);
                m_region->setCurrentIndex(i >= 0 ? i : 0);
                Q_EMIT completeChanged();
            });
    connect(&controller, &Setup::SetupController::hubsChanged, this, [this](const QString &sub, const QList<Arm::IotHub> &hubs) {
        if (sub == plan().subscriptionId && m_freeCheckedFor == sub) {
            m_freeChecked = true;
            m_freeHubInUse.clear();
            for (const auto &h : hubs) {
                if (h.skuName == QLatin1String("F1"))
                    m_freeHubInUse = h.name;
            }
            updateTier();
        }
        if (sub == hubSubscription()) {
            m_hubList = hubs;
            m_hubListFor = sub;
            const QString keep = m_hubs->currentData().toString().isEmpty() && !plan().createHub ? plan().hubName
                                                                                                  : m_hubs->currentData().toString();
            m_hubs->clear();
            for (const auto &h : hubs)
                m_hubs->addItem(tr("%1 (%2, resource group %3, %4)").arg(h.name, h.skuName, h.resourceGroup, h.location), h.name);
            const int i = m_hubs->findData(keep);
            if (i >= 0)
                m_hubs->setCurrentIndex(i);
            if (hubs.isEmpty())
                m_hubsMessage->setMessage(Status::Info, tr("This subscription has no IoT hub yet."));
            else
                m_hubsMessage->clear();
            Q_EMIT completeChanged();
        }
    });
    connect(&controller, &Setup::SetupController::loadFailed, this, [this](const QString &what, const Arm::ArmError &error) {
        if (what == QLatin1String("hubs")) {
            m_hubsMessage->setMessage(Status::Error, error.userMessage());
            Q_EMIT completeChanged();
        }
    });
    updateTier();
    updateMode();
}

QString IotHubPage::hubSubscription() const
{
    return m_hubSubscription->currentData().toString();
}

QString IotHubPage::hubTenant() const
{
    return m_hubSubscription->currentData(Qt::UserRole + 1).toString();
}

void IotHubPage::initializePage()
{
    const Setup::PlanInput &p = plan();
    if (!p.createHub)
        m_existing->setChecked(true);
    if (m_name->text().isEmpty() && p.createHub && !p.hubName.isEmpty())
        m_name->setText(p.hubName);
    const int tier = m_tier->findData(p.hubSku);
    if (tier >= 0)
        m_tier->setCurrentIndex(tier);
    m_units->setValue(int(p.hubUnits));
    m_partitions->setValue(p.hubPartitions);

    {
        QSignalBlocker block(m_hubSubscription);
        const QString keep = hubSubscription().isEmpty() ? p.effectiveHubSubscription() : hubSubscription();
        m_hubSubscription->clear();
        for (const auto &s : controller().subscriptions()) {
            if (!s.isEnabled() && s.state != QLatin1String("Warned"))
                continue;
            m_hubSubscription->addItem(s.subscriptionId == p.subscriptionId ? tr("%1 (same as the DPS)").arg(s.displayName)
                                                                            : tr("%1 (%2)").arg(s.displayName, s.subscriptionId),
                                       s.subscriptionId);
            m_hubSubscription->setItemData(m_hubSubscription->count() - 1, s.tenantId, Qt::UserRole + 1);
        }
        const int i = m_hubSubscription->findData(keep);
        m_hubSubscription->setCurrentIndex(i >= 0 ? i : m_hubSubscription->findData(p.subscriptionId));
    }
    const int region = m_region->findData(p.effectiveHubLocation());
    if (region >= 0)
        m_region->setCurrentIndex(region);
    controller().loadLocations(p.subscriptionId, p.tenantId);
    m_hubListFor.clear();
    onHubSubscriptionChosen();
    m_freeChecked = false;
    m_freeCheckedFor.clear();
    updateTier();
    if (!m_name->text().isEmpty())
        onNameEdited();
    updateMode();
}

void IotHubPage::onHubSubscriptionChosen()
{
    const QString sub = hubSubscription();
    if (sub.isEmpty() || sub == m_hubListFor)
        return;
    m_hubs->clear();
    m_hubList.clear();
    m_hubsMessage->setMessage(Status::Busy, tr("Loading the IoT hubs of this subscription…"));
    controller().loadHubs(sub, hubTenant());
    Q_EMIT completeChanged();
}

void IotHubPage::updateMode()
{
    const bool create = m_new->isChecked();
    for (QWidget *w : {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_tier), static_cast<QWidget *>(m_units),
                       static_cast<QWidget *>(m_partitions), static_cast<QWidget *>(m_region)})
        w->setEnabled(create);
    m_units->setEnabled(create && m_tier->currentData().toString() != QLatin1String("F1"));
    m_partitions->setEnabled(create && m_tier->currentData().toString() != QLatin1String("F1"));
    m_hubSubscription->setEnabled(!create);
    m_hubs->setEnabled(!create);
    Q_EMIT completeChanged();
}

void IotHubPage::updateTier()
{
    const QString sku = m_tier->currentData().toString();
    m_tierInfo->setText(tierInfo(sku));
    int maxUnits = 200;
    for (const Tier &t : kTiers) {
        if (sku == QLatin1String(t.sku))
            maxUnits = t.maxUnits;
    }
    m_units->setRange(1, maxUnits);
    if (sku == QLatin1String("F1")) {
        m_partitions->setRange(2, 2);
        const QString sub = plan().subscriptionId;
        if (sub.isEmpty() || !controller().isSignedIn()) {
            // Nothing to ask yet (the page is built before anyone signs in): initializePage() checks.
            m_tierMessage->clear();
        } else if (m_freeCheckedFor != sub) {
            m_freeCheckedFor = sub;
            m_freeChecked = false;
            m_tierMessage->setMessage(Status::Busy, tr("Checking whether this subscription already has its free hub…"));
            controller().loadHubs(sub, plan().tenantId);
        } else if (m_freeChecked && !m_freeHubInUse.isEmpty()) {
            m_tierMessage->setMessage(Status::Error,
                                      tr("This subscription already has its one free hub, '%1'. Choose B1 or S1, or use '%1' "
                                         "as an existing hub.")
                                          .arg(m_freeHubInUse));
        } else if (m_freeChecked) {
            m_tierMessage->clear();
        }
    } else {
        m_partitions->setRange(2, 128); // what the engine and IoT Hub accept
        m_tierMessage->clear();
    }
    updateMode();
}

void IotHubPage::onNameEdited()
{
    // A new hub goes into the DPS's subscription: its name is checked there.
    plan().hubSubscriptionId.clear();
    plan().hubTenantId.clear();
    m_nameCheck->check();
}

bool IotHubPage::isComplete() const
{
    if (m_new->isChecked()) {
        if (m_tier->currentData().toString() == QLatin1String("F1") && (!m_freeChecked || !m_freeHubInUse.isEmpty()))
            return false;
        return m_nameCheck->isAvailable() && !m_region->currentData().toString().isEmpty();
    }
    return !m_hubs->currentData().toString().isEmpty();
}

bool IotHubPage::validatePage()
{
    Setup::PlanInput &p = plan();
    p.createHub = m_new->isChecked();
    if (p.createHub) {
        p.hubName = m_name->text().trimmed();
        p.hubSku = m_tier->currentData().toString();
        p.hubUnits = m_units->value();
        p.hubPartitions = m_partitions->value();
        const QString region = m_region->currentData().toString();
        p.hubLocation = region == p.location ? QString() : region;
        p.hubSubscriptionId.clear();
        p.hubTenantId.clear();
        return true;
    }
    for (const auto &h : std::as_const(m_hubList)) {
        if (h.name != m_hubs->currentData().toString())
            continue;
        p.hubName = h.name;
        const bool same = hubSubscription().compare(p.subscriptionId, Qt::CaseInsensitive) == 0;
        p.hubSubscriptionId = same ? QString() : hubSubscription();
        p.hubTenantId = same ? QString() : hubTenant();
        p.hubResourceGroup = h.resourceGroup;
        p.createHubResourceGroup = false;
        p.hubLocation = h.location;
        p.hubSku = h.skuName;
    }
    return true;
}

} // namespace Dps::Ui
