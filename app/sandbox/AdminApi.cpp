#include "Sandbox.h"
namespace Dps::Sandbox {
void registerAdminRoutes(Sandbox &) {}
}
